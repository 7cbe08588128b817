package app.quizroom.store;

import app.quizroom.store.ReportSource.Columns;
import app.quizroom.store.ReportSource.Reader;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports' reads of the results database: the rows as stored, nothing computed (blocking). Written once for
 * both stores: every order is total, so both give the same rows in the same order.
 */
final class ReportQueries {

    private static final String SUMMARY = "SELECT g.id, g.pin, g.bank_id, g.bank_title, g.created_at, g.started_at,"
            + " g.ended_at, g.status, g.question_count, g.unsaved_count,"
            + " (SELECT count(*) FROM players p WHERE p.game_id = g.id AND p.kicked = 0), g.ended_early,"
            + " g.taken_over_at, g.taken_over_by, g.taken_over_cause";

    private ReportQueries() {
    }

    /** The games whose host key hashes are given (every game for null), newest first, at most 500. */
    static List<GameSummary> list(Reader c, List<String> hashes) throws SQLException {
        String where = hashes == null ? "" : " WHERE g.host_key_hash IN (" + "?,".repeat(hashes.size() - 1) + "?)";
        List<GameSummary> games = new ArrayList<>();
        c.forEachRow(SUMMARY + " FROM games g" + where + " ORDER BY g.created_at DESC, g.id DESC LIMIT 500",
                hashes == null ? List.of() : hashes, rs -> games.add(summary(rs, null)));
        return games;
    }

    /** The game with its settings, or null if there is none. */
    static GameSummary game(Reader c, long id) throws SQLException {
        List<GameSummary> game = new ArrayList<>();
        c.forEachRow(SUMMARY + ", g.settings_json FROM games g WHERE g.id = ?", List.of(id),
                rs -> game.add(summary(rs, rs.text(16))));
        return game.isEmpty() ? null : game.get(0);
    }

    static boolean exists(Reader c, long id) throws SQLException {
        boolean[] found = new boolean[1];
        c.forEachRow("SELECT 1 FROM games WHERE id = ?", List.of(id), rs -> found[0] = true);
        return found[0];
    }

    /** The SHA-256 of the game's host key, or null if there is no such game. */
    static String hostKeyHash(Reader c, long id) throws SQLException {
        String[] hash = new String[1];
        c.forEachRow("SELECT host_key_hash FROM games WHERE id = ?", List.of(id), rs -> hash[0] = rs.text(1));
        return hash[0];
    }

    /** Every question, player, answer and score stored for the game. */
    static GameRows rows(Reader c, long id) throws SQLException {
        List<Object> game = List.of(id);
        List<GameRows.Question> questions = new ArrayList<>();
        c.forEachRow("SELECT idx, question_id, type, prompt, options_json, solution_json, points, time_limit_ms,"
                + " explanation, option_explanations_json, skill FROM game_questions WHERE game_id = ? ORDER BY idx",
                game, rs -> questions.add(new GameRows.Question(rs.intValue(1), rs.text(2), rs.text(3),
                        rs.text(4), Json.strings(rs.text(5)), Json.tree(rs.text(6)), rs.intValue(7),
                        rs.longValue(8), rs.text(9), Json.strings(rs.text(10)), rs.text(11))));
        List<GameRows.Player> players = new ArrayList<>();
        c.forEachRow("SELECT player_id, nickname, team, kicked, final_rank, final_score FROM players"
                + " WHERE game_id = ? ORDER BY player_id",
                game, rs -> players.add(new GameRows.Player(rs.intValue(1), rs.text(2), rs.text(3),
                        rs.intValue(4) != 0, rs.intOrNull(5), rs.intOrNull(6))));
        Map<Long, GameRows.Answer> answers = new HashMap<>();
        c.forEachRow("SELECT question_idx, player_id, answer_json, response_ms, credit FROM answers WHERE game_id = ?",
                game, rs -> answers.put(GameRows.key(rs.intValue(1), rs.intValue(2)),
                        new GameRows.Answer(Json.tree(rs.text(3)), rs.longValue(4), rs.doubleValue(5))));
        Map<Long, GameRows.Score> scores = new HashMap<>();
        c.forEachRow("SELECT question_idx, player_id, points, bonus, total, rank FROM scores WHERE game_id = ?",
                game, rs -> scores.put(GameRows.key(rs.intValue(1), rs.intValue(2)),
                        new GameRows.Score(rs.intValue(3), rs.intValue(4), rs.intValue(5), rs.intValue(6))));
        return new GameRows(questions, players, answers, scores);
    }

    private static GameSummary summary(Columns rs, String settingsJson) throws SQLException {
        return new GameSummary(rs.longValue(1), rs.text(2), rs.text(3), rs.text(4), rs.longValue(5),
                rs.longOrNull(6), rs.longOrNull(7), rs.text(8), rs.intValue(12) != 0, rs.intValue(9),
                rs.intValue(10), rs.intValue(11), rs.longOrNull(13), rs.text(14), rs.text(15),
                settingsJson);
    }
}
