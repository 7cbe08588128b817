package app.quizroom.store;

import app.quizroom.store.WriteQueue.Eraser;
import app.quizroom.store.WriteQueue.LostCounter;
import app.quizroom.store.WriteQueue.Opener;
import app.quizroom.store.WriteQueue.Write;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link WriteQueue}'s writer-thread side: its one connection, each batch committed on it in one transaction
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
final class BatchWriter {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final Path file;
    private final Opener opener;
    private final LostCounter lostCounter;
    private final Eraser eraser;
    private final ConcurrentHashMap<Long, Integer> lost = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> healthListeners = new CopyOnWriteArrayList<>();
    private final ReplayLog replayLog = new ReplayLog();
    private volatile boolean healthy = true;
    private volatile String lastError;
    // Set when the file was lost: the next connection gets the open games' rows before anything else.
    private volatile boolean remaking;
    private Connection connection;
    private FileIdentity opened;

    BatchWriter(Path file, Opener opener, LostCounter lostCounter, Eraser eraser) {
        this.file = file;
        this.opener = opener;
        this.lostCounter = lostCounter;
        this.eraser = eraser;
    }

    boolean healthy() {
        return healthy;
    }

    String lastError() {
        return lastError;
    }

    void onHealthChange(Consumer<Boolean> listener) {
        healthListeners.add(listener);
    }

    /** True from the moment the file is found lost until the open games are written into a new one. */
    boolean remaking() {
        return remaking;
    }

    /** Counts a write of {@code owner} that will never be written; stored with the next commit. */
    void lost(long owner) {
        lost.merge(owner, 1, Integer::sum);
    }

    /** Opens the connection (after a lost file, writing the open games into it); a failure marks writing unhealthy. */
    boolean open() {
        try {
            connection = opener.open();
            opened = FileIdentity.of(file);
            if (remaking) {
                replayLog.replayInto(connection, eraser);
                remaking = false;
                LOG.log(System.Logger.Level.INFO, "the games in play were written into the new " + file);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            close();
            setHealthy(false, e.getMessage());
            return false;
        }
    }

    /**
     * Writes the batch and acknowledges it once committed; false if it must be retried (its acknowledgements then
     * say {@code false}).
     */
    boolean write(List<Write> batch) {
        Map<Long, Integer> counted = new HashMap<>();
        try {
            if (connection != null && opened.lost()) {
                return fileLost(batch);
            }
            if (connection == null && !open()) {
                failing(batch, lastError);
                return false;
            }
            connection.setAutoCommit(false);
            for (Write w : batch) {
                w.work().apply(connection);
            }
            storeLostCounts(counted);
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollbackQuietly();
            counted.forEach(this::uncount);
            if (isDataError(e)) {
                return writeOneByOne(batch);
            }
            close();
            failing(batch, e.getMessage());
            return false;
        }
        if (opened.lost()) { // deleted while the batch was written: it went to a file no one will find
            counted.forEach(this::uncount);
            return fileLost(batch);
        }
        counted.forEach((owner, count) -> replayLog.add(owner, c -> lostCounter.store(c, owner, count)));
        batch.forEach(this::written);
        setHealthy(true, null);
        return true;
    }

    void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing more to do
        }
        connection = null;
    }

    private boolean writeOneByOne(List<Write> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Write w = batch.get(i);
            try {
                connection.setAutoCommit(true);
                w.work().apply(connection);
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
                LOG.log(System.Logger.Level.ERROR, "result write for game " + w.owner() + " refused: " + e.getMessage());
                lost(w.owner());
                w.refused();
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

    private void failing(List<Write> batch, String why) {
        batch.forEach(Write::refused);
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

    /** Stores the counts of lost writes, noting in {@code stored} those to put back if the batch is not kept. */
    private void storeLostCounts(Map<Long, Integer> stored) throws SQLException {
        for (Long owner : List.copyOf(lost.keySet())) {
            Integer count = lost.remove(owner);
            if (count == null) {
                continue;
            }
            stored.put(owner, count);
            if (!lostCounter.store(connection, owner, count)) {
                stored.remove(owner);
                uncount(owner, count);
            }
        }
    }

    private void uncount(long owner, int count) {
        lost.merge(owner, count, Integer::sum);
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
