package app.quizroom.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Game results in an SQLite file (the default store): the rooms' recorders write through a {@link WriteQueue} (one thread of its own, batched
 * commits, an answer acknowledged once it is on disk). If the database cannot be written, the game goes on:
 * writes wait in a bounded queue and are retried in order, acknowledgements say "accepted, not yet saved", and
 * listeners hear that storage is failing. Writes that do not fit are counted per game and the count is stored
 * when the database is back, so the report can say what was lost. If the file is deleted or replaced while a game
 * is in play, that is a failure too: the games in play are written again into a new file at the path (see
 * {@link SqliteBatchWriter}). The statements are {@link SqlRecorder}'s.
 */
public final class SqliteStore extends QueuedStore {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final Path file;
    // Touched only where the file is opened: by start()'s caller, then by the writer thread it starts.
    private boolean recovered;

    /**
     * @param capacity the most writes that may wait while the database is failing; more are counted as lost
     */
    public SqliteStore(Path file, int capacity) {
        this(file, capacity, "local");
    }

    /** @param node this node's name, recorded on its games (the file is its own: every game in it is this node's) */
    public SqliteStore(Path file, int capacity, String node) {
        this.file = file;
        writeThrough(new WriteQueue(capacity,
                new SqliteBatchWriter(file, this::open, SqlRecorder::addUnsaved, SqlRecorder::eraseGame)), node);
    }

    @Override
    public void start() {
        queue().start();
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "SQLite file " + file.toAbsolutePath();
    }

    @Override
    public Reports reports() {
        return new Reports(file);
    }

    @Override
    long nextGameId() {
        return nextMillis(); // a game's id is when it was created
    }

    /** Opens and migrates the file; the first time it opens, recovers from the last run. */
    private Connection open() throws SQLException {
        Connection connection = Database.open(file);
        try {
            Database.migrate(connection);
            if (!recovered) {
                int interrupted = SqlRecorder.markInterrupted(connection);
                if (interrupted > 0) {
                    LOG.log(System.Logger.Level.INFO,
                            interrupted + " game(s) left unfinished by the last run are marked interrupted");
                }
                drawAbove(SqlRecorder.lastGameId(connection));
                recovered = true;
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
