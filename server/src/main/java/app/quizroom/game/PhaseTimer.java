package app.quizroom.game;

import app.quizroom.support.Scheduler;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one pending timer of a room's phase machine. A timer comes back into the room, on its context, as a
 * {@link Fired} message naming its question and a sequence number; setting or cancelling a timer moves the
 * sequence on, so a timer that fires after that is known to be stale.
 */
final class PhaseTimer {

    /**
     * What a timer is for: the end of reading time or team talk, the answering deadline, the end of the wait for
     * other nodes' answers after it (cluster mode), or the end of the podium's reveal (when each player's final
     * frame goes out).
     */
    enum Kind { OPEN_ANSWERS, DEADLINE, GRACE, FINALS }

    /** A timer coming back into the room. */
    record Fired(int question, Kind kind, long sequence) {
    }

    private final Scheduler scheduler;
    private final Executor executor;
    private final Consumer<Fired> onFire;
    private long sequence;
    private Scheduler.Cancellable pending;

    PhaseTimer(Scheduler scheduler, Executor executor, Consumer<Fired> onFire) {
        this.scheduler = scheduler;
        this.executor = executor;
        this.onFire = onFire;
    }

    /** Replaces any pending timer with one for {@code question}, due in {@code delayMs}. */
    void set(int question, Kind kind, long delayMs) {
        cancel();
        Fired fired = new Fired(question, kind, ++sequence);
        pending = scheduler.schedule(delayMs, () -> executor.execute(() -> onFire.accept(fired)));
    }

    void cancel() {
        sequence++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** False for a timer that was cancelled or replaced before it fired. */
    boolean isCurrent(Fired fired) {
        return fired.sequence() == sequence;
    }
}
