package app.quizroom.game;

import app.quizroom.support.Clock;
import app.quizroom.support.Scheduler;

import java.util.function.IntPredicate;

/**
 * A running count of answers sent at most once every interval: a change sends it now if the last send is old
 * enough, else once, when it is. The delayed send belongs to its question and is stale-safe both ways: it sends
 * nothing once that question has moved on, and one still on its way for an old question never holds up the next
 * question's (a question can close, and the next open, within one interval). The host's count ({@link Audience}) and
 * an edge node's count to the owner pace themselves with it. Used on its owner's context only; the scheduler's tasks
 * must run there too.
 */
public final class CountPacer {

    private static final int NO_QUESTION = -1;

    private final Clock clock;
    private final Scheduler scheduler;
    private final long intervalMs;
    /** Sends the current count of a question; false if there is nothing to send for it (stale, or no one to tell). */
    private final IntPredicate send;
    /** Long ago at first, yet far enough from the minimum that {@code now - lastSentAt} cannot overflow. */
    private long lastSentAt = Long.MIN_VALUE / 2;
    /** The question a delayed send is on its way for. */
    private int pendingFor = NO_QUESTION;

    /** @param send sends the current count of the question given; returns whether it sent one */
    public CountPacer(Clock clock, Scheduler scheduler, long intervalMs, IntPredicate send) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.intervalMs = intervalMs;
        this.send = send;
    }

    /** The count of {@code question} changed. */
    public void changed(int question) {
        long now = clock.millis();
        if (now - lastSentAt >= intervalMs) {
            sendNow(question);
        } else if (pendingFor != question) {
            pendingFor = question;
            scheduler.schedule(lastSentAt + intervalMs - now, () -> {
                if (pendingFor == question) {
                    pendingFor = NO_QUESTION;
                }
                sendNow(question);
            });
        }
    }

    /** A count went out by other means (such as with a question's opening): the interval starts again from now. */
    public void sent() {
        lastSentAt = clock.millis();
    }

    private void sendNow(int question) {
        if (send.test(question)) {
            lastSentAt = clock.millis();
        }
    }
}
