package app.quizroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reports' reads of the results database: the rows as stored, nothing computed (blocking). */
final class ReportQueries {

    private static final String SUMMARY = "SELECT g.id, g.pin, g.bank_id, g.bank_title, g.created_at, g.started_at,"
            + " g.ended_at, g.status, g.question_count, g.unsaved_count,"
            + " (SELECT count(*) FROM players p WHERE p.game_id = g.id AND p.kicked = 0), g.ended_early";

    /** Reads one row of a result set. */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private ReportQueries() {
    }

    /** The games whose host key hashes are given (every game for null), newest first, at most 500. */
    static List<GameSummary> list(Connection c, List<String> hashes) throws SQLException {
        String where = hashes == null ? "" : " WHERE g.host_key_hash IN (" + "?,".repeat(hashes.size() - 1) + "?)";
        List<GameSummary> games = new ArrayList<>();
        forEachRow(c, SUMMARY + " FROM games g" + where + " ORDER BY g.created_at DESC, g.id DESC LIMIT 500",
                hashes == null ? List.of() : hashes, rs -> games.add(summary(rs, null)));
        return games;
    }

    /** The game with its settings, or null if there is none. */
    static GameSummary game(Connection c, long id) throws SQLException {
        List<GameSummary> game = new ArrayList<>();
        forEachRow(c, SUMMARY + ", g.settings_json FROM games g WHERE g.id = ?", List.of(id),
                rs -> game.add(summary(rs, rs.getString(13))));
        return game.isEmpty() ? null : game.get(0);
    }

    static boolean exists(Connection c, long id) throws SQLException {
        boolean[] found = new boolean[1];
        forEachRow(c, "SELECT 1 FROM games WHERE id = ?", List.of(id), rs -> found[0] = true);
        return found[0];
    }

    /** The SHA-256 of the game's host key, or null if there is no such game. */
    static String hostKeyHash(Connection c, long id) throws SQLException {
        String[] hash = new String[1];
        forEachRow(c, "SELECT host_key_hash FROM games WHERE id = ?", List.of(id), rs -> hash[0] = rs.getString(1));
        return hash[0];
    }

    /** Every question, player, answer and score stored for the game. */
    static GameRows rows(Connection c, long id) throws SQLException {
        List<Object> game = List.of(id);
        List<GameRows.Question> questions = new ArrayList<>();
        forEachRow(c, "SELECT idx, question_id, type, prompt, options_json, solution_json, points, time_limit_ms,"
                + " explanation, option_explanations_json, skill FROM game_questions WHERE game_id = ? ORDER BY idx",
                game, rs -> questions.add(new GameRows.Question(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Json.strings(rs.getString(5)), Json.tree(rs.getString(6)), rs.getInt(7),
                        rs.getLong(8), rs.getString(9), Json.strings(rs.getString(10)), rs.getString(11))));
        List<GameRows.Player> players = new ArrayList<>();
        forEachRow(c, "SELECT player_id, nickname, team, kicked, final_rank, final_score FROM players"
                + " WHERE game_id = ? ORDER BY player_id",
                game, rs -> players.add(new GameRows.Player(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4) != 0, (Integer) rs.getObject(5), (Integer) rs.getObject(6))));
        Map<Long, GameRows.Answer> answers = new HashMap<>();
        forEachRow(c, "SELECT question_idx, player_id, answer_json, response_ms, credit FROM answers WHERE game_id = ?",
                game, rs -> answers.put(GameRows.key(rs.getInt(1), rs.getInt(2)),
                        new GameRows.Answer(Json.tree(rs.getString(3)), rs.getLong(4), rs.getDouble(5))));
        Map<Long, GameRows.Score> scores = new HashMap<>();
        forEachRow(c, "SELECT question_idx, player_id, points, bonus, total, rank FROM scores WHERE game_id = ?",
                game, rs -> scores.put(GameRows.key(rs.getInt(1), rs.getInt(2)),
                        new GameRows.Score(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6))));
        return new GameRows(questions, players, answers, scores);
    }

    private static GameSummary summary(ResultSet rs, String settingsJson) throws SQLException {
        return new GameSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                nullableLong(rs, 6), nullableLong(rs, 7), rs.getString(8), rs.getInt(12) != 0, rs.getInt(9),
                rs.getInt(10), rs.getInt(11), settingsJson);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Runs a query with its parameters, bound in order, and reads each row it returns. */
    private static void forEachRow(Connection c, String sql, List<?> parameters, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
