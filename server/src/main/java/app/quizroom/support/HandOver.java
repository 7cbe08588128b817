package app.quizroom.support;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tasks handed over from any thread to one executor (an event loop, a room's context), run there in the order
 * handed over, as many as are waiting in one task of that executor: a broadcast to 5,000 sockets of another loop,
 * or the acknowledgements of a committed batch, is then one hand-over, not one per socket or per answer. A task that
 * throws is logged, and the tasks behind it still run.
 */
public final class HandOver implements Executor {

    private static final System.Logger LOG = System.getLogger("quizroom");

    private final Executor target;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public HandOver(Executor target) {
        this.target = target;
    }

    /** From any thread: runs the task on the target, after every task handed over before it. */
    @Override
    public void execute(Runnable task) {
        waiting.add(task);
        if (scheduled.compareAndSet(false, true)) {
            target.execute(this::runWaiting);
        }
    }

    private void runWaiting() {
        // Cleared before the queue is read: a task added after the last poll schedules a run of its own.
        scheduled.set(false);
        Runnable task;
        while ((task = waiting.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a task handed over failed", e);
            }
        }
    }
}
