package app.quizroom.store;

import app.quizroom.game.GameRecorder.Saving;
import app.quizroom.game.GameRecorder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes game results to SQLite on one thread of its own, never on an event loop. Writes queue up in order and
 * are committed in batches (one disk sync for many answers); an answer's future completes once its batch is on
 * disk. If the database cannot be written, the game goes on: writes wait in a bounded queue and are retried in
 * order, futures complete with {@code false} ("accepted, not yet saved"), and listeners hear that storage is
 * failing. Writes that do not fit in the queue are counted per game and the count is stored when the database
 * is back, so the report can say what was lost.
 */
public final class ResultStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("quizroom.store");
    private static final int BATCH = 512;
    private static final long MAX_BACKOFF_MS = 5_000;

    /** One unit of work for the writer thread. */
    private record Write(long gameId, SqlWork work, CompletableFuture<Boolean> done, CompletableFuture<Void> onDisk) {
        Write(long gameId, SqlWork work, CompletableFuture<Boolean> done) {
            this(gameId, work, done, null);
        }

        void written() {
            if (done != null) {
                done.complete(true);
            }
            if (onDisk != null) {
                onDisk.complete(null);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void apply(Connection connection) throws SQLException;
    }

    private final Path file;
    private PreparedStatement insertAnswer;
    private Connection insertAnswerOn;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasWork = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final Deque<Write> queue = new ArrayDeque<>();
    private final ConcurrentHashMap<Long, Integer> lost = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> healthListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong lastGameId = new AtomicLong();
    private final Thread writer;
    private volatile boolean healthy = true;
    private volatile boolean closing;
    private volatile String lastError;
    private boolean inFlight;
    private Connection connection;
    private boolean startupDone;

    /**
     * @param capacity the most writes that may wait while the database is failing; more are counted as lost
     */
    public ResultStore(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        this.writer = new Thread(this::run, "quizroom-store");
        this.writer.setDaemon(true);
    }

    /** Opens the file (migrating it, marking games left running by a crash as interrupted) and starts writing. */
    public void start() {
        tryOpen();
        writer.start();
    }

    public Path file() {
        return file;
    }

    public boolean healthy() {
        return healthy;
    }

    public String lastError() {
        return lastError;
    }

    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called with false when writes start failing and true when they succeed again (on the writer thread). */
    public void onHealthChange(Consumer<Boolean> listener) {
        healthListeners.add(listener);
    }

    /** Records a new game and returns the recorder its room writes through. */
    public GameRecorder newGame(String pin, String bankId, String bankTitle, String settingsJson, String hostKeyHash,
                                int questionCount, String teamMode, long shuffleSeed) {
        long id = lastGameId.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        long now = System.currentTimeMillis();
        enqueue(new Write(id, c -> execute(c, "INSERT INTO games (id, pin, bank_id, bank_title, settings_json,"
                        + " host_key_hash, question_count, created_at, status, team_mode, shuffle_seed)"
                        + " VALUES (?,?,?,?,?,?,?,?,'lobby',?,?)",
                id, pin, bankId, bankTitle, settingsJson, hostKeyHash, questionCount, now, teamMode, shuffleSeed), null));
        return new Recorder(id);
    }

    /**
     * Completes once every write queued before this call is on disk (true), or at once with false while the
     * database is failing. Reports wait on it, so a teacher always reads what the game has already said.
     */
    public CompletableFuture<Boolean> flushed() {
        if (!healthy) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        enqueue(new Write(0, c -> { }, done));
        return done;
    }

    /** Stops taking writes, writes what is queued (waiting at most {@code graceMs}), and closes the file. */
    @Override
    public void close() {
        close(5_000);
    }

    public boolean close(long graceMs) {
        closing = true;
        boolean empty;
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
            hasWork.signalAll();
            while ((!queue.isEmpty() || inFlight) && healthy && System.nanoTime() < deadline) {
                drained.awaitNanos(deadline - System.nanoTime());
            }
            empty = queue.isEmpty() && !inFlight;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            empty = false;
        } finally {
            lock.unlock();
        }
        writer.interrupt();
        try {
            writer.join(graceMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
        if (!empty) {
            LOG.log(System.Logger.Level.WARNING, "closing with " + pending() + " result writes not saved");
        }
        return empty;
    }

    // ------------------------------------------------------------------ the writer thread

    private void enqueue(Write write) {
        lock.lock();
        try {
            if (queue.size() >= capacity || closing) {
                if (write.gameId() != 0) {
                    lost.merge(write.gameId(), 1, Integer::sum);
                }
                if (write.done() != null) {
                    write.done().complete(false);
                }
                LOG.log(System.Logger.Level.WARNING, "result write for game " + write.gameId()
                        + " not queued (" + (closing ? "shutting down" : "queue full") + ")");
                return;
            }
            queue.addLast(write);
            hasWork.signal();
        } finally {
            lock.unlock();
        }
        if (!healthy && write.done() != null) {
            write.done().complete(false); // the game goes on; the write itself waits for a retry
        }
    }

    private void run() {
        long backoff = 100;
        while (true) {
            List<Write> batch = new ArrayList<>();
            lock.lock();
            try {
                while (queue.isEmpty()) {
                    drained.signalAll();
                    if (closing) {
                        return;
                    }
                    hasWork.await();
                }
                while (!queue.isEmpty() && batch.size() < BATCH) {
                    batch.add(queue.pollFirst());
                }
                inFlight = true;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            boolean ok = writeBatch(batch);
            lock.lock();
            try {
                inFlight = false;
                if (!ok) {
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        queue.addFirst(batch.get(i)); // retried in order
                    }
                }
                drained.signalAll();
            } finally {
                lock.unlock();
            }
            if (ok) {
                backoff = 100;
            } else {
                if (closing) {
                    return;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private boolean writeBatch(List<Write> batch) {
        try {
            if (connection == null && !tryOpen()) {
                failing(batch, lastError);
                return false;
            }
            connection.setAutoCommit(false);
            for (Write w : batch) {
                w.work().apply(connection);
            }
            recordLostCounts();
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollbackQuietly();
            if (isDataError(e)) {
                return writeOneByOne(batch);
            }
            closeConnection(); // reopened on the next try: the file may have been replaced or the disk freed
            failing(batch, e.getMessage());
            return false;
        }
        batch.forEach(Write::written);
        setHealthy(true, null);
        return true;
    }

    /** A batch with a bad row: write the good ones, count the bad one as lost (a bug, logged), keep going. */
    private boolean writeOneByOne(List<Write> batch) {
        for (Write w : batch) {
            try {
                connection.setAutoCommit(true);
                w.work().apply(connection);
                w.written();
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    closeConnection();
                    failing(List.of(w), e.getMessage());
                    return false; // the rest is retried; those already written are idempotent upserts
                }
                LOG.log(System.Logger.Level.ERROR, "result write for game " + w.gameId() + " refused: " + e.getMessage());
                lost.merge(w.gameId(), 1, Integer::sum);
                if (w.done() != null) {
                    w.done().complete(false);
                }
            }
        }
        return true;
    }

    private void failing(List<Write> batch, String why) {
        for (Write w : batch) {
            if (w.done() != null) {
                w.done().complete(false);
            }
        }
        setHealthy(false, why);
    }

    private void setHealthy(boolean value, String why) {
        lastError = why;
        if (healthy != value) {
            healthy = value;
            LOG.log(value ? System.Logger.Level.INFO : System.Logger.Level.WARNING, value
                    ? "results database is writable again; queued results are being saved"
                    : "results database cannot be written (" + why + "); games go on, results wait to be saved");
            healthListeners.forEach(l -> l.accept(value));
        }
    }

    private boolean tryOpen() {
        try {
            connection = Database.open(file);
            Database.migrate(connection);
            if (!startupDone) {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE games SET status = 'interrupted' WHERE status IN ('lobby', 'running')")) {
                    int interrupted = s.executeUpdate();
                    if (interrupted > 0) {
                        LOG.log(System.Logger.Level.INFO, interrupted + " game(s) left unfinished by the last run are marked interrupted");
                    }
                }
                try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT max(id) FROM games")) {
                    long max = rs.next() ? rs.getLong(1) : 0;
                    lastGameId.accumulateAndGet(max, Math::max);
                }
                startupDone = true;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            setHealthy(false, e.getMessage());
            return false;
        }
    }

    private void recordLostCounts() throws SQLException {
        for (Long game : List.copyOf(lost.keySet())) {
            Integer count = lost.remove(game);
            if (count == null) {
                continue;
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE games SET unsaved_count = unsaved_count + ? WHERE id = ?")) {
                s.setInt(1, count);
                s.setLong(2, game);
                if (s.executeUpdate() == 0) {
                    lost.merge(game, count, Integer::sum); // the game's own row is not written yet
                }
            }
        }
    }

    private static boolean isDataError(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 19 /* CONSTRAINT */ || code == 20 /* MISMATCH */ || code == 25 /* RANGE */
                || code == 18 /* TOOBIG */;
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is closed next anyway
        }
    }

    /** The answers insert, prepared once per connection; used only on the writer thread. */
    private PreparedStatement insertAnswer(Connection c) throws SQLException {
        if (insertAnswer == null || insertAnswerOn != c) {
            insertAnswer = c.prepareStatement("INSERT OR REPLACE INTO answers (game_id, question_idx,"
                    + " player_id, answer_json, response_ms, credit, accepted_at) VALUES (?,?,?,?,?,?,?)");
            insertAnswerOn = c;
        }
        return insertAnswer;
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private void closeConnection() {
        insertAnswer = null; // closed with its connection
        insertAnswerOn = null;
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing more to do
        }
        connection = null;
    }

    // ------------------------------------------------------------------ one game's writes

    /** A room's view of the store: every write is tagged with its game. */
    private final class Recorder implements GameRecorder {
        private final long gameId;

        Recorder(long gameId) {
            this.gameId = gameId;
        }

        private void write(SqlWork work) {
            enqueue(new Write(gameId, work, null));
        }

        /** Queues one statement with its parameters, bound in order (null for SQL NULL). */
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
                    gameId, q.index(), q.questionId(), q.type(), q.prompt(), Json.write(q.options()), q.solutionJson(),
                    q.points(), q.timeLimitMs(), q.explanation(),
                    q.optionExplanations() == null ? null : Json.write(q.optionExplanations()), q.skill());
        }

        @Override
        public Saving answerAccepted(int questionIndex, int playerId, String answerJson, long responseMs,
                                     double credit) {
            long now = System.currentTimeMillis();
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            CompletableFuture<Void> onDisk = new CompletableFuture<>();
            enqueue(new Write(gameId, c -> {
                // The hot path (one row per answer, thousands a question): prepared once per connection.
                PreparedStatement s = insertAnswer(c);
                s.setLong(1, gameId);
                s.setInt(2, questionIndex);
                s.setInt(3, playerId);
                s.setString(4, answerJson);
                s.setLong(5, responseMs);
                s.setDouble(6, credit);
                s.setLong(7, now);
                s.executeUpdate();
            }, done, onDisk));
            return new Saving(done, onDisk);
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
        public void gameEnded(boolean finished, List<Score> standings) {
            long now = System.currentTimeMillis();
            write(c -> {
                execute(c, "UPDATE games SET status = ?, ended_at = ? WHERE id = ?",
                        finished ? "finished" : "interrupted", now, gameId);
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
            return healthy;
        }

        @Override
        public long gameId() {
            return gameId;
        }
    }
}
