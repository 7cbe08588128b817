package app.quizroom.store;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A durable write queue over one database connection, written by one thread of its own (never an event loop). Work
 * runs in the order it was submitted, in batches of up to {@value #BATCH} committed together (one disk sync for
 * many writes); a write is acknowledged only once its batch is committed.
 *
 * <p>If the database cannot be written, nothing is dropped silently: the failed batch goes back to the front of
 * the queue and is retried in order (backing off up to {@value #MAX_BACKOFF_MS} ms), acknowledgements complete
 * with {@code false} at once, and health listeners hear it. The queue holds at most {@code capacity} writes;
 * those that do not fit (or come after {@link #close}) are counted per owner, and the batch writer stores the
 * counts inside its next commit. The queue knows nothing of the schema nor of the database: the work is given to
 * it as statements ({@link Work}), and the connection and the batches' transactions are the {@link BatchWriter}'s
 * (SQLite's {@link SqliteBatchWriter}, PostgreSQL's {@link PgBatchWriter}).
 */
final class WriteQueue {

    private static final System.Logger LOG = System.getLogger("quizroom.store");
    private static final int BATCH = 512;
    private static final long MAX_BACKOFF_MS = 5_000;

    /** Where a unit of work sends its statements: the batch's transaction, on the writer thread. */
    @FunctionalInterface
    interface Sql {
        /** Runs (or, on PostgreSQL, queues in the transaction) one statement with {@code ?} parameters, in order. */
        void run(String statement, Object... parameters) throws SQLException;
    }

    /** Statements run inside a batch's transaction; written once, for every database (see {@link SqlRecorder}). */
    @FunctionalInterface
    interface Work {
        void apply(Sql sql) throws SQLException;
    }

    /**
     * Where a write stands in its owner's life: the first (for the store, a game's own row), one of those after
     * it, or the last (the game's end). SQLite keeps the committed writes from the first to the last in memory, and
     * only those, so that they can be written again if the file is lost.
     */
    enum Step { FIRST, NEXT, LAST }

    /**
     * How one write goes. {@code acknowledged} completes with {@code true} once the write is committed, or with
     * {@code false} at once while the database is failing or if the write was not queued. {@code committed}
     * completes whenever the write does reach the disk, even after a failure and retries.
     */
    record Receipt(CompletableFuture<Boolean> acknowledged, CompletableFuture<Void> committed) {
    }

    /** One unit of work; {@code owner} 0 is nobody's, so its loss is not counted and it is never replayed. */
    record Write(long owner, Step step, Work work, Receipt receipt) {

        void written() {
            receipt.committed().complete(null); // first: whoever hears "saved" finds it committed
            receipt.acknowledged().complete(true);
        }

        void refused() {
            receipt.acknowledged().complete(false);
        }
    }

    private final int capacity;
    private final BatchWriter batches;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasWork = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final Deque<Write> queue = new ArrayDeque<>();
    private final Thread writer;
    private volatile boolean closing;
    private boolean inFlight;

    /**
     * @param capacity the most writes that may wait; more are counted as lost
     * @param batches  writes the batches (opened by {@link #start}, again after each failure)
     */
    WriteQueue(int capacity, BatchWriter batches) {
        this.capacity = capacity;
        this.batches = batches;
        this.writer = new Thread(this::run, "quizroom-store");
        this.writer.setDaemon(true);
    }

    /** Opens the database (a failure only marks the queue unhealthy) and starts the writer thread. */
    void start() {
        batches.open();
        writer.start();
    }

    boolean healthy() {
        return batches.health().healthy();
    }

    String lastError() {
        return batches.health().lastError();
    }

    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called with false when writes start failing and true when they succeed again (on the writer thread). */
    void onHealthChange(Consumer<Boolean> listener) {
        batches.health().onChange(listener);
    }

    /** Queues {@code work} after everything queued before it; see {@link Receipt} for how it goes. */
    Receipt submit(long owner, Work work) {
        return submit(owner, Step.NEXT, work);
    }

    /** As {@link #submit(long, Work)}, marking the first or last write of {@code owner}. */
    Receipt submit(long owner, Step step, Work work) {
        Write write = new Write(owner, step, work, new Receipt(new CompletableFuture<>(), new CompletableFuture<>()));
        lock.lock();
        try {
            if (queue.size() >= capacity || closing) {
                if (owner != 0) {
                    batches.lost(owner);
                }
                write.refused();
                LOG.log(System.Logger.Level.WARNING, "result write for game " + owner
                        + " not queued (" + (closing ? "shutting down" : "queue full") + ")");
                return write.receipt();
            }
            queue.addLast(write);
            hasWork.signal();
        } finally {
            lock.unlock();
        }
        if (!healthy()) {
            write.refused(); // the caller goes on; the write itself waits for a retry
        }
        return write.receipt();
    }

    /** Completes with true once every write queued before it is committed, or at once with false while failing. */
    CompletableFuture<Boolean> flushed() {
        if (!healthy()) {
            return CompletableFuture.completedFuture(false);
        }
        return submit(0, c -> { }).acknowledged();
    }

    /**
     * Stops taking writes, waits at most {@code graceMs} for those queued to be committed (not at all while the
     * database is failing, unless the file was lost and is being made again), stops the writer and closes the
     * connection; true if nothing was left unwritten.
     */
    boolean close(long graceMs) {
        closing = true;
        boolean empty;
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
            hasWork.signalAll();
            while ((!queue.isEmpty() || inFlight) && (healthy() || batches.remaking())
                    && System.nanoTime() < deadline) {
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
        batches.close();
        if (!empty) {
            LOG.log(System.Logger.Level.WARNING, "closing with " + pending() + " result writes not saved");
        }
        return empty;
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
            boolean ok = batches.write(batch);
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
                if (closing && !batches.remaking()) {
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
}
