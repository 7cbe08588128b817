package app.quizroom.store;

import app.quizroom.store.WriteQueue.LostCounter;
import app.quizroom.store.WriteQueue.Opener;
import app.quizroom.store.WriteQueue.Write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link WriteQueue}'s writer-thread side: its one connection, each batch committed on it in one transaction
 * (with the counts of lost writes), and whether writing works. A failed batch is rolled back and the connection
 * closed, to be reopened on the next try (the file may have been replaced or the disk freed); a batch that fails
 * on a bad row (a bug, logged) is written one by one and the bad row counted as lost.
 */
final class BatchWriter {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final Opener opener;
    private final LostCounter lostCounter;
    private final ConcurrentHashMap<Long, Integer> lost = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> healthListeners = new CopyOnWriteArrayList<>();
    private volatile boolean healthy = true;
    private volatile String lastError;
    private Connection connection;

    BatchWriter(Opener opener, LostCounter lostCounter) {
        this.opener = opener;
        this.lostCounter = lostCounter;
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

    /** Counts a write of {@code owner} that will never be written; stored with the next commit. */
    void lost(long owner) {
        lost.merge(owner, 1, Integer::sum);
    }

    /** Opens the connection; a failure marks writing unhealthy. */
    boolean open() {
        try {
            connection = opener.open();
            return true;
        } catch (SQLException | RuntimeException e) {
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
        try {
            if (connection == null && !open()) {
                failing(batch, lastError);
                return false;
            }
            connection.setAutoCommit(false);
            for (Write w : batch) {
                w.work().apply(connection);
            }
            storeLostCounts();
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollbackQuietly();
            if (isDataError(e)) {
                return writeOneByOne(batch);
            }
            close();
            failing(batch, e.getMessage());
            return false;
        }
        batch.forEach(Write::written);
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
        for (Write w : batch) {
            try {
                connection.setAutoCommit(true);
                w.work().apply(connection);
                w.written();
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

    private void storeLostCounts() throws SQLException {
        for (Long owner : List.copyOf(lost.keySet())) {
            Integer count = lost.remove(owner);
            if (count != null && !lostCounter.store(connection, owner, count)) {
                lost.merge(owner, count, Integer::sum);
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
