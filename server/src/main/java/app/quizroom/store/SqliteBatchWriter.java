package app.quizroom.store;

import app.quizroom.store.WriteQueue.Sql;
import app.quizroom.store.WriteQueue.Write;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link WriteQueue}'s writer-thread side for SQLite: its one connection, each batch committed on it in one transaction
 * (with the counts of lost writes), and whether writing works. A failed batch is rolled back and the connection
 * closed, to be reopened on the next try (the file may have been replaced or the disk freed); a batch that fails
 * on a bad row (a bug, logged) is written one by one and the bad row counted as lost.
 *
 * <p>A file deleted or replaced while open is a failure too, though SQLite reports none: before each batch and
 * again after its commit (before anything is acknowledged) the files at the path are compared with those opened
 * ({@link FileIdentity}). If they differ, the batch is refused and retried like any failed batch, and the next
 * connection, on the file now at the path, first gets the rows of every game still open ({@link ReplayLog}). So an
 * answer committed to a file no one will find is never acknowledged as saved, and the games in play are whole in
 * the new file.
 */
final class SqliteBatchWriter extends BatchWriter {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    /** Opens a connection ready for writing (migrated); closes what it opened if it then fails. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Stores how many writes of {@code owner} were lost; false if the owner's row is not written yet. */
    @FunctionalInterface
    interface LostCounter {
        boolean store(Connection connection, long owner, int count) throws SQLException;
    }

    /** Deletes whatever rows of {@code owner} a file holds, so that its writes can be written into it again. */
    @FunctionalInterface
    interface Eraser {
        void erase(Sql sql, long owner) throws SQLException;
    }

    private final Path file;
    private final Opener opener;
    private final LostCounter lostCounter;
    private final Eraser eraser;
    private final ReplayLog replayLog = new ReplayLog();
    // Set when the file was lost: the next connection gets the open games' rows before anything else.
    private volatile boolean remaking;
    private Connection connection;
    private JdbcSql sql;
    private FileIdentity opened;

    /**
     * @param file        the database file that {@code opener} opens, watched for deletion and replacement
     * @param opener      opens the database (called when the queue starts and again after each failure)
     * @param lostCounter stores the counts of lost writes, in the same transaction as a batch
     * @param eraser      clears an owner's rows from a file before they are written into it again
     */
    SqliteBatchWriter(Path file, Opener opener, LostCounter lostCounter, Eraser eraser) {
        this.file = file;
        this.opener = opener;
        this.lostCounter = lostCounter;
        this.eraser = eraser;
    }

    /** True from the moment the file is found lost until the open games are written into a new one. */
    @Override
    boolean remaking() {
        return remaking;
    }

    /** Opens the connection (after a lost file, writing the open games into it); a failure marks writing unhealthy. */
    @Override
    boolean open() {
        try {
            connection = opener.open();
            sql = new JdbcSql(connection);
            opened = FileIdentity.of(file);
            if (remaking) {
                replayLog.replayInto(sql, eraser);
                remaking = false;
                LOG.log(System.Logger.Level.INFO, "the games in play were written into the new " + file);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            close();
            health().set(false, e.getMessage());
            return false;
        }
    }

    /**
     * Writes the batch and acknowledges it once committed; false if it must be retried (its acknowledgements then
     * say {@code false}).
     */
    @Override
    boolean write(List<Write> batch) {
        Map<Long, Integer> counted = new HashMap<>();
        try {
            if (connection != null && opened.lost()) {
                return fileLost(batch);
            }
            if (connection == null && !open()) {
                failing(batch, health().lastError());
                return false;
            }
            connection.setAutoCommit(false);
            for (Write w : batch) {
                w.work().apply(sql);
            }
            storeLostCounts(counted);
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollbackQuietly();
            counted.forEach(this::putBack);
            if (isDataError(e)) {
                return writeOneByOne(batch);
            }
            close();
            failing(batch, e.getMessage());
            return false;
        }
        if (opened.lost()) { // deleted while the batch was written: it went to a file no one will find
            counted.forEach(this::putBack);
            return fileLost(batch);
        }
        counted.forEach((owner, count) -> replayLog.add(owner, replay -> lostCounter.store(replay.connection(), owner, count)));
        batch.forEach(this::written);
        health().set(true, null);
        return true;
    }

    @Override
    void close() {
        try {
            if (sql != null) {
                sql.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing more to do
        }
        connection = null;
        sql = null;
    }

    private boolean writeOneByOne(List<Write> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Write w = batch.get(i);
            try {
                connection.setAutoCommit(true);
                w.work().apply(sql);
                if (opened.lost()) {
                    return fileLost(batch.subList(i, batch.size()));
                }
                written(w);
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    close();
                    failing(List.of(w), e.getMessage());
                    return false; // the rest is retried; those already written are idempotent upserts
                }
                refusedForGood(w, e.getMessage());
            }
        }
        return true;
    }

    /** Acknowledges a committed write and keeps it for a replay (once: a retried batch may hold written ones). */
    private void written(Write w) {
        if (w.owner() != 0 && !w.receipt().committed().isDone()) {
            replayLog.committed(w);
        }
        w.written();
    }

    /** The file at the path is not the one open: refuse the batch, and rebuild the open games in a new one. */
    private boolean fileLost(List<Write> batch) {
        LOG.log(System.Logger.Level.WARNING, "the results file " + file + " was deleted or replaced while open;"
                + " the games in play are being written into a new file there");
        // Closing is safe: SQLite neither checkpoints into a moved database nor deletes the WAL at its path; if
        // only the WAL went, the close checkpoints it into the database, whose open games are then rewritten.
        close();
        opened.removeLeftovers();
        remaking = true;
        failing(batch, "the results file was deleted or replaced");
        return false;
    }

    /** Stores the counts of lost writes, noting in {@code stored} those to put back if the batch is not kept. */
    private void storeLostCounts(Map<Long, Integer> stored) throws SQLException {
        stored.putAll(takeLostCounts());
        for (Map.Entry<Long, Integer> count : List.copyOf(stored.entrySet())) {
            if (!lostCounter.store(connection, count.getKey(), count.getValue())) { // no row yet: counted next time
                stored.remove(count.getKey());
                putBack(count.getKey(), count.getValue());
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
}
