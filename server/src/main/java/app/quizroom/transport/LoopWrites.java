package app.quizroom.transport;

import app.quizroom.support.HandOver;
import io.vertx.core.Context;

/**
 * Writes handed to one event loop by other threads (a room on another loop, the store's acknowledgements): one
 * {@link HandOver} per loop, shared by every socket of that loop, so the order of each socket's writes is the order
 * they were sent in and a failing write holds back no other.
 */
final class LoopWrites {

    private final HandOver handOver;

    private LoopWrites(Context context) {
        this.handOver = new HandOver(task -> context.runOnContext(ignored -> task.run()));
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
        handOver.execute(write);
    }
}
