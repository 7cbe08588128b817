package app.quizroom.support;

/** Runs a task after a delay on the room's clock. Injected so that tests drive time by hand. */
@FunctionalInterface
public interface Scheduler {

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(long delayMs, Runnable task);
}
