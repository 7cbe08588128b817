package app.quizroom.store;

import app.quizroom.store.WriteQueue.Write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writer-thread side of a {@link WriteQueue}: one connection, each batch committed on it in one transaction with
 * the counts of lost writes, and whether writing works (SQLite's {@link SqliteBatchWriter}, PostgreSQL's
 * {@link PgBatchWriter}). What the two keep alike is here: their health, and the writes counted as lost until a
 * commit stores the counts. Called on the writer thread only, except for the reads of health and {@link #lost}.
 */
abstract class BatchWriter {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final WriterHealth health = new WriterHealth();
    private final ConcurrentHashMap<Long, Integer> lost = new ConcurrentHashMap<>();

    /** Opens the connection; a failure marks writing unhealthy and returns false. */
    abstract boolean open();

    /**
     * Writes the batch in one transaction and acknowledges its writes once committed; false if it must be
     * retried (its acknowledgements then say {@code false}).
     */
    abstract boolean write(List<Write> batch);

    abstract void close();

    /** True while a lost database is being made again (a close then waits for it); SQLite's file only. */
    boolean remaking() {
        return false;
    }

    /** Whether writing works, the last failure, and who hears of a change. */
    final WriterHealth health() {
        return health;
    }

    /** Counts a write of {@code owner} that will never be written; stored with the next commit. */
    final void lost(long owner) {
        putBack(owner, 1);
    }

    /**
     * Takes out every count of lost writes, to be stored with the batch being written; those the batch does not
     * keep go back with {@link #putBack}.
     */
    final Map<Long, Integer> takeLostCounts() {
        Map<Long, Integer> taken = new HashMap<>();
        for (Long owner : List.copyOf(lost.keySet())) {
            Integer count = lost.remove(owner);
            if (count != null) {
                taken.put(owner, count);
            }
        }
        return taken;
    }

    /** Adds {@code count} lost writes of {@code owner} back, for the next commit to store. */
    final void putBack(long owner, int count) {
        lost.merge(owner, count, Integer::sum);
    }

    /** Refuses the writes (their acknowledgements say {@code false}, the queue retries them) and marks writing failing. */
    final void failing(List<Write> batch, String why) {
        batch.forEach(Write::refused);
        health.set(false, why);
    }

    /** A write the database refuses for its data (a bug): logged, refused for good and counted as lost. */
    final void refusedForGood(Write w, String why) {
        LOG.log(System.Logger.Level.ERROR, "result write for game " + w.owner() + " refused: " + why);
        lost(w.owner());
        w.refused();
    }
}
