package app.quizroom.store;

import app.quizroom.game.GameRecorder;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.store.WriteQueue.Receipt;
import app.quizroom.store.WriteQueue.Sql;
import app.quizroom.store.WriteQueue.Step;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The results schema's writes (games, players, questions as played, answers, scores), each queued on the
 * {@link WriteQueue} as one unit of work tagged with its game. One per store; {@link #newGame} hands each room
 * its {@link GameRecorder}. The statements are written once for both databases (SQLite's and PostgreSQL's upsert
 * syntax is the same), and every one can be run twice with the same result: a batch whose commit went unanswered
 * is retried, and an answer already stored is kept as it was ({@code ON CONFLICT DO NOTHING} on its key, game,
 * question and player). The statements for start-up and for lost writes are here too, so that all of the
 * schema's SQL for writing is in one place.
 */
final class SqlRecorder {

    /** Every game a crash left in the lobby or running (an SQLite file is one node's own). */
    static final String MARK_INTERRUPTED = "UPDATE games SET status = 'interrupted' WHERE status IN ('lobby', 'running')";
    /**
     * The games this node left in the lobby or running (a shared database: other nodes' games are still in play),
     * and those of a version that did not record the node.
     */
    static final String MARK_OWN_INTERRUPTED = MARK_INTERRUPTED + " AND (owner_node = ? OR owner_node IS NULL)";
    static final String LAST_GAME_ID = "SELECT max(id) FROM games";
    static final String ADD_UNSAVED = "UPDATE games SET unsaved_count = unsaved_count + ? WHERE id = ?";
    static final String INSERT_ANSWER = "INSERT INTO answers (game_id, question_idx, player_id, answer_json,"
            + " response_ms, credit, accepted_at) VALUES (?,?,?,?,?,?,?)"
            + " ON CONFLICT (game_id, question_idx, player_id) DO NOTHING";
    /**
     * The condition that this node still runs the game: a node that was cut off while another took its game over
     * (cluster mode) must not overwrite the new owner's scores or end the game (docs/cluster.md §7).
     */
    static final String STILL_OURS = "EXISTS (SELECT 1 FROM games WHERE id = ? AND owner_node = ?)";
    /** A question's score of one player, written only while the game is this node's ({@link #STILL_OURS}). */
    static final String UPSERT_SCORE = "INSERT INTO scores (game_id, question_idx, player_id, points, bonus, total,"
            + " rank) SELECT CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER),"
            + " CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER) WHERE " + STILL_OURS
            + " ON CONFLICT (game_id, question_idx, player_id) DO UPDATE SET points = excluded.points,"
            + " bonus = excluded.bonus, total = excluded.total, rank = excluded.rank";
    /** The tables that hang off {@code games}, children first. */
    static final List<String> GAME_TABLES = List.of("answers", "scores", "game_questions", "players");

    private final WriteQueue queue;
    private final String node;

    /** @param node the node whose games these are, written on each game's row */
    SqlRecorder(WriteQueue queue, String node) {
        this.queue = queue;
        this.node = node;
    }

    /** Queues the game's row and returns the recorder its room writes through. */
    GameRecorder newGame(long id, String pin, String bankId, String bankTitle, ServerMessage.GameSettings settings,
                         String hostKeyHash, int questionCount, String teamMode, long shuffleSeed) {
        String settingsJson = Codec.json(settings);
        long now = System.currentTimeMillis();
        queue.submit(id, Step.FIRST, sql -> sql.run("INSERT INTO games (id, pin, bank_id, bank_title, settings_json,"
                        + " host_key_hash, question_count, created_at, status, team_mode, shuffle_seed, owner_node)"
                        + " VALUES (?,?,?,?,?,?,?,?,'lobby',?,?,?) ON CONFLICT (id) DO NOTHING",
                id, pin, bankId, bankTitle, settingsJson, hostKeyHash, questionCount, now, teamMode, shuffleSeed,
                node));
        return new Game(id);
    }

    /**
     * The recorder of a game another node ran until it stopped, now this node's (cluster takeover): records when and
     * by which node it was taken over and why ({@code cause}: {@code reconnect}, {@code successor} or
     * {@code planned}), and that the game is this node's from now on.
     */
    GameRecorder resumeGame(long id, long takenAt, String cause) {
        queue.submit(id, sql -> sql.run("UPDATE games SET taken_over_at = ?, taken_over_by = ?, taken_over_cause = ?,"
                + " owner_node = ? WHERE id = ?", takenAt, node, cause, node, id));
        return new Game(id);
    }

    /** The recorder of a game already recorded (by another node sharing the database). */
    GameRecorder gameOf(long id) {
        return new Game(id);
    }

    /** Marks the games a crash left in the lobby or running as interrupted; returns how many (SQLite). */
    static int markInterrupted(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_INTERRUPTED)) {
            return s.executeUpdate();
        }
    }

    /** The highest game id stored, or 0 (SQLite). */
    static long lastGameId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LAST_GAME_ID)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Deletes every row of a game, so that its writes can be written again into a file that held some of them. */
    static void eraseGame(Sql sql, long gameId) throws SQLException {
        for (String table : GAME_TABLES) {
            sql.run("DELETE FROM " + table + " WHERE game_id = ?", gameId);
        }
        sql.run("DELETE FROM games WHERE id = ?", gameId);
    }

    /** Adds to a game's count of lost writes; false if the game's own row is not written yet (SQLite). */
    static boolean addUnsaved(Connection c, long gameId, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ADD_UNSAVED)) {
            s.setInt(1, count);
            s.setLong(2, gameId);
            return s.executeUpdate() > 0;
        }
    }

    /** A room's view of the store: every write is tagged with its game. */
    private final class Game implements GameRecorder {
        private final long gameId;

        Game(long gameId) {
            this.gameId = gameId;
        }

        private void write(String statement, Object... parameters) {
            queue.submit(gameId, sql -> sql.run(statement, parameters));
        }

        @Override
        public void playerJoined(int playerId, String nickname, String team) {
            write("INSERT INTO players (game_id, player_id, nickname, joined_at, team) VALUES (?,?,?,?,?)"
                            + " ON CONFLICT (game_id, player_id) DO UPDATE SET nickname = excluded.nickname,"
                            + " joined_at = excluded.joined_at, team = excluded.team, kicked = 0,"
                            + " final_rank = NULL, final_score = NULL",
                    gameId, playerId, nickname, System.currentTimeMillis(), team);
        }

        @Override
        public void playerKicked(int playerId) {
            write("UPDATE players SET kicked = 1 WHERE game_id = ? AND player_id = ?", gameId, playerId);
        }

        @Override
        public void gameStarted() {
            write("UPDATE games SET status = 'running', started_at = ? WHERE id = ?", System.currentTimeMillis(), gameId);
        }

        @Override
        public void questionShown(PlayedQuestion q) {
            write("INSERT INTO game_questions (game_id, idx, question_id, type, prompt, options_json,"
                            + " solution_json, points, time_limit_ms, explanation, option_explanations_json, skill)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (game_id, idx) DO UPDATE SET"
                            + " question_id = excluded.question_id, type = excluded.type, prompt = excluded.prompt,"
                            + " options_json = excluded.options_json, solution_json = excluded.solution_json,"
                            + " points = excluded.points, time_limit_ms = excluded.time_limit_ms,"
                            + " explanation = excluded.explanation,"
                            + " option_explanations_json = excluded.option_explanations_json, skill = excluded.skill",
                    gameId, q.index(), q.questionId(), q.type().wireName(), q.prompt(), Json.write(q.options()),
                    Codec.json(q.solution()), q.points(), q.timeLimitMs(), q.explanation(),
                    q.optionExplanations() == null ? null : Json.write(q.optionExplanations()),
                    q.skill() == null ? null : q.skill().wireName());
        }

        @Override
        public Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs,
                                     double credit) {
            long now = System.currentTimeMillis();
            String json = Codec.json(answer);
            Receipt receipt = queue.submit(gameId, sql -> sql.run(INSERT_ANSWER, gameId, questionIndex, playerId,
                    json, responseMs, credit, now));
            return new Saving(receipt.acknowledged(), receipt.committed());
        }

        @Override
        public void playerMoved(int playerId, String team) {
            write("UPDATE players SET team = ? WHERE game_id = ? AND player_id = ?", team, gameId, playerId);
        }

        @Override
        public void questionScored(int questionIndex, List<Score> scores) {
            queue.submit(gameId, sql -> {
                for (Score score : scores) {
                    sql.run(UPSERT_SCORE, gameId, questionIndex, score.playerId(), score.points(), score.bonus(),
                            score.total(), score.rank(), gameId, node);
                }
            });
        }

        @Override
        public void gameEnded(Ending ending, List<Score> standings) {
            long now = System.currentTimeMillis();
            queue.submit(gameId, Step.LAST, sql -> {
                // Final places first: the game's row is what says whether the game is still this node's.
                for (Score score : standings) {
                    sql.run("UPDATE players SET final_rank = ?, final_score = ? WHERE game_id = ? AND player_id = ?"
                            + " AND " + STILL_OURS, score.rank(), score.total(), gameId, score.playerId(), gameId, node);
                }
                sql.run("UPDATE games SET status = ?, ended_early = ?, ended_at = ? WHERE id = ? AND owner_node = ?",
                        ending == Ending.INTERRUPTED ? "interrupted" : "finished", ending == Ending.ENDED_EARLY ? 1 : 0,
                        now, gameId, node);
            });
        }

        @Override
        public boolean healthy() {
            return queue.healthy();
        }

        @Override
        public long gameId() {
            return gameId;
        }
    }
}
