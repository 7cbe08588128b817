package app.quizroom.store;

import app.quizroom.store.WriteQueue.Write;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link WriteQueue}'s writer-thread side for PostgreSQL: one connection from the pool, held while it works;
 * each batch sent down it as one pipeline ({@link PgPipeline}: {@code BEGIN}, the writes, the counts of lost writes,
 * {@code COMMIT}), and acknowledged once every statement and the {@code COMMIT} have answered (the session commits synchronously, see {@link Pg#pool}). A
 * batch that fails for any reason but its data (the server is down, restarting, or timed out) is rolled back, the
 * connection given up, and the batch retried by the queue on a new one; a batch that fails on a bad row (a bug,
 * logged) is written one write per transaction and the bad one counted as lost. Every statement is idempotent
 * ({@link SqlRecorder}), so a batch whose commit went unanswered can be sent again.
 */
final class PgBatchWriter extends BatchWriter {

    /** Makes a new connection ready for writing (migrating the schema, recovering from the last run). */
    @FunctionalInterface
    interface Preparer {
        void prepare(SqlConnection connection) throws SQLException;
    }

    private final Pool pool;
    private final Preparer preparer;
    private final long timeoutMs;
    private final String addLost;
    private volatile long commits;
    private SqlConnection connection;

    /**
     * @param timeoutMs how long a step may take before the connection counts as failed
     * @param addLost   the statement that adds a count of lost writes (parameters: count, owner) to the owner's row
     */
    PgBatchWriter(Pool pool, Preparer preparer, long timeoutMs, String addLost) {
        this.pool = pool;
        this.preparer = preparer;
        this.timeoutMs = timeoutMs;
        this.addLost = addLost;
    }

    /** Transactions committed by this writer (the batches, and the writes of a batch written one by one). */
    long commits() {
        return commits;
    }

    @Override
    boolean open() {
        try {
            connection = Pg.await(pool.getConnection(), timeoutMs);
            preparer.prepare(connection);
            return true;
        } catch (SQLException | RuntimeException e) {
            close();
            health().set(false, e.getMessage());
            return false;
        }
    }

    @Override
    boolean write(List<Write> batch) {
        if (connection == null && !open()) {
            failing(batch, health().lastError());
            return false;
        }
        Map<Long, Integer> counted = new HashMap<>();
        try {
            PgPipeline pipeline = new PgPipeline(connection);
            pipeline.simple("BEGIN");
            for (Write w : batch) {
                w.work().apply(pipeline);
            }
            Map<Long, Future<RowSet<Row>>> lostCounts = storeLostCounts(pipeline, counted);
            pipeline.simple("COMMIT");
            pipeline.finish(System.nanoTime() + timeoutMs * 1_000_000);
            commits++;
            lostCounts.forEach((owner, update) -> {
                if (update.result().rowCount() == 0) { // the game's row is not written yet: counted next time
                    putBack(owner, counted.get(owner));
                }
            });
        } catch (SQLException | RuntimeException e) {
            SQLException failure = e instanceof SQLException sql ? sql : Pg.sqlException(e);
            rollbackQuietly();
            counted.forEach(this::putBack);
            if (Pg.isDataError(failure)) {
                return writeOneByOne(batch);
            }
            close();
            failing(batch, failure.getMessage());
            return false;
        }
        batch.forEach(Write::written);
        health().set(true, null);
        return true;
    }

    @Override
    void close() {
        if (connection != null) {
            connection.close(); // back to the pool, which drops it if it is broken
            connection = null;
        }
    }

    private boolean writeOneByOne(List<Write> batch) {
        for (Write w : batch) {
            try {
                PgPipeline pipeline = new PgPipeline(connection);
                pipeline.simple("BEGIN");
                w.work().apply(pipeline);
                pipeline.simple("COMMIT");
                pipeline.finish(System.nanoTime() + timeoutMs * 1_000_000);
                commits++;
                w.written();
            } catch (SQLException | RuntimeException e) {
                SQLException failure = e instanceof SQLException sql ? sql : Pg.sqlException(e);
                rollbackQuietly();
                if (!Pg.isDataError(failure)) {
                    close();
                    failing(List.of(w), failure.getMessage());
                    return false; // the rest is retried; those already written are idempotent
                }
                refusedForGood(w, failure.getMessage());
            }
        }
        health().set(true, null);
        return true;
    }

    /**
     * Sends the counts of lost writes with the batch, noting in {@code counted} those to put back if the batch is
     * not kept; returns each update, whose row count says whether the game's row was there to take it.
     */
    private Map<Long, Future<RowSet<Row>>> storeLostCounts(PgPipeline pipeline, Map<Long, Integer> counted) {
        counted.putAll(takeLostCounts());
        Map<Long, Future<RowSet<Row>>> updates = new HashMap<>();
        counted.forEach((owner, count) -> updates.put(owner, pipeline.prepared(addLost, count, owner)));
        return updates;
    }

    private void run(String sql) throws SQLException {
        Pg.await(connection.query(sql).execute(), timeoutMs);
    }

    private void rollbackQuietly() {
        if (connection == null) {
            return;
        }
        try {
            run("ROLLBACK");
        } catch (SQLException ignored) {
            // the connection is given up next, or was already broken
        }
    }
}
