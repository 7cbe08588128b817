package app.quizroom.store;

import app.quizroom.game.GameRecorder;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.store.WriteQueue.Receipt;
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
 * its {@link GameRecorder}. The statements for start-up and for lost writes are here too, so that all of the
 * schema's SQL for writing is in one place.
 */
final class SqlRecorder {

    private final WriteQueue queue;
    // The hot path (one row per answer, thousands a question): prepared once per connection, on the writer thread.
    private PreparedStatement insertAnswer;
    private Connection insertAnswerOn;

    SqlRecorder(WriteQueue queue) {
        this.queue = queue;
    }

    /** Queues the game's row and returns the recorder its room writes through. */
    GameRecorder newGame(long id, String pin, String bankId, String bankTitle, ServerMessage.GameSettings settings,
                         String hostKeyHash, int questionCount, String teamMode, long shuffleSeed) {
        String settingsJson = Codec.json(settings);
        long now = System.currentTimeMillis();
        queue.submit(id, Step.FIRST, c -> execute(c, "INSERT INTO games (id, pin, bank_id, bank_title, settings_json,"
                        + " host_key_hash, question_count, created_at, status, team_mode, shuffle_seed)"
                        + " VALUES (?,?,?,?,?,?,?,?,'lobby',?,?)",
                id, pin, bankId, bankTitle, settingsJson, hostKeyHash, questionCount, now, teamMode, shuffleSeed));
        return new Game(id);
    }

    /** Marks the games a crash left in the lobby or running as interrupted; returns how many. */
    static int markInterrupted(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE games SET status = 'interrupted' WHERE status IN ('lobby', 'running')")) {
            return s.executeUpdate();
        }
    }

    /** The highest game id stored, or 0. */
    static long lastGameId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM games")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Deletes every row of a game, so that its writes can be written again into a file that held some of them. */
    static void eraseGame(Connection c, long gameId) throws SQLException {
        for (String table : List.of("answers", "scores", "game_questions", "players")) {
            execute(c, "DELETE FROM " + table + " WHERE game_id = ?", gameId);
        }
        execute(c, "DELETE FROM games WHERE id = ?", gameId);
    }

    /** Adds to a game's count of lost writes; false if the game's own row is not written yet. */
    static boolean addUnsaved(Connection c, long gameId, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE games SET unsaved_count = unsaved_count + ? WHERE id = ?")) {
            s.setInt(1, count);
            s.setLong(2, gameId);
            return s.executeUpdate() > 0;
        }
    }

    private PreparedStatement insertAnswer(Connection c) throws SQLException {
        if (insertAnswer == null || insertAnswerOn != c) {
            insertAnswer = c.prepareStatement("INSERT OR REPLACE INTO answers (game_id, question_idx,"
                    + " player_id, answer_json, response_ms, credit, accepted_at) VALUES (?,?,?,?,?,?,?)");
            insertAnswerOn = c;
        }
        return insertAnswer;
    }

    /** Runs one statement with its parameters, bound in order (null for SQL NULL). */
    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** A room's view of the store: every write is tagged with its game. */
    private final class Game implements GameRecorder {
        private final long gameId;

        Game(long gameId) {
            this.gameId = gameId;
        }

        private void write(WriteQueue.Work work) {
            queue.submit(gameId, work);
        }

        private void write(String sql, Object... parameters) {
            write(c -> execute(c, sql, parameters));
        }

        @Override
        public void playerJoined(int playerId, String nickname, String team) {
            write("INSERT OR REPLACE INTO players (game_id, player_id, nickname, joined_at, team) VALUES (?,?,?,?,?)",
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
            write("INSERT OR REPLACE INTO game_questions (game_id, idx, question_id, type, prompt, options_json,"
                            + " solution_json, points, time_limit_ms, explanation, option_explanations_json, skill)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    gameId, q.index(), q.questionId(), q.type().wireName(), q.prompt(), Json.write(q.options()),
                    Codec.json(q.solution()), q.points(), q.timeLimitMs(), q.explanation(),
                    q.optionExplanations() == null ? null : Json.write(q.optionExplanations()),
                    q.skill() == null ? null : q.skill().wireName());
        }

        @Override
        public Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs,
                                     double credit) {
            long now = System.currentTimeMillis();
            Receipt receipt = queue.submit(gameId, c -> {
                PreparedStatement s = insertAnswer(c);
                s.setLong(1, gameId);
                s.setInt(2, questionIndex);
                s.setInt(3, playerId);
                s.setString(4, Codec.json(answer));
                s.setLong(5, responseMs);
                s.setDouble(6, credit);
                s.setLong(7, now);
                s.executeUpdate();
            });
            return new Saving(receipt.acknowledged(), receipt.committed());
        }

        @Override
        public void playerMoved(int playerId, String team) {
            write("UPDATE players SET team = ? WHERE game_id = ? AND player_id = ?", team, gameId, playerId);
        }

        @Override
        public void questionScored(int questionIndex, List<Score> scores) {
            write(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO scores (game_id, question_idx,"
                        + " player_id, points, bonus, total, rank) VALUES (?,?,?,?,?,?,?)")) {
                    for (Score score : scores) {
                        s.setLong(1, gameId);
                        s.setInt(2, questionIndex);
                        s.setInt(3, score.playerId());
                        s.setInt(4, score.points());
                        s.setInt(5, score.bonus());
                        s.setInt(6, score.total());
                        s.setInt(7, score.rank());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
        }

        @Override
        public void gameEnded(Ending ending, List<Score> standings) {
            long now = System.currentTimeMillis();
            queue.submit(gameId, Step.LAST, c -> {
                execute(c, "UPDATE games SET status = ?, ended_early = ?, ended_at = ? WHERE id = ?",
                        ending == Ending.INTERRUPTED ? "interrupted" : "finished", ending == Ending.ENDED_EARLY ? 1 : 0,
                        now, gameId);
                try (PreparedStatement s = c.prepareStatement("UPDATE players SET final_rank = ?, final_score = ?"
                        + " WHERE game_id = ? AND player_id = ?")) {
                    for (Score score : standings) {
                        s.setInt(1, score.rank());
                        s.setInt(2, score.total());
                        s.setLong(3, gameId);
                        s.setInt(4, score.playerId());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
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
