package app.quizroom.transport;

import io.vertx.core.Context;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes handed to one event loop by other threads (a room on another loop, the store's acknowledgements), run on
 * that loop in the order handed over, as many as are waiting in one task. A broadcast to 5,000 sockets on the
 * other loop is then one hand-over, not 5,000; the order of each socket's writes is the order they were sent in.
 */
final class LoopWrites {

    private static final System.Logger LOG = System.getLogger(LoopWrites.class.getName());

    private final Context context;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private LoopWrites(Context context) {
        this.context = context;
    }

    /** The writes of the given context; called on that context's own thread, so two callers never race. */
    static LoopWrites of(Context context) {
        LoopWrites writes = context.get(LoopWrites.class);
        if (writes == null) {
            writes = new LoopWrites(context);
            context.put(LoopWrites.class, writes);
        }
        return writes;
    }

    /** From any thread: runs the write on the loop, after every write handed over before it. */
    void post(Runnable write) {
        waiting.add(write);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> runWaiting());
        }
    }

    private void runWaiting() {
        // Cleared before the queue is read: a write added after the last poll schedules a task of its own.
        scheduled.set(false);
        Runnable write;
        while ((write = waiting.poll()) != null) {
            try {
                write.run();
            } catch (RuntimeException e) {
                // One socket's failure must not hold back the writes queued behind it for the others.
                LOG.log(System.Logger.Level.WARNING, "a write to a socket failed", e);
            }
        }
    }
}
