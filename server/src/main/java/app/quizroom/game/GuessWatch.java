package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.support.Clock;

/**
 * Tells the host when someone is guessing their way in: {@value Limits#GUESS_WARNING_THRESHOLD} wrong guesses at
 * this room within a minute (seat or host tokens it never issued, wrong join patterns), or a scan of the whole
 * server. At most one warning every {@link Limits#GUESS_WARNING_INTERVAL_MS}, so that an attack does not flood the
 * projector. Owned by the room and used on its context only.
 */
final class GuessWatch {

    static final String ROOM = "Someone is guessing their way into this game (wrong seat tokens or join patterns). "
            + "If students are all in, lock the room.";
    static final String SERVER = "Someone is trying PINs to find games on this server. Lock the room once everyone "
            + "is in; two-step join keeps out anyone who cannot see this screen.";

    private final Clock clock;
    private final Audience audience;
    /** The times of the latest wrong guesses, a ring of the threshold's size. */
    private final long[] recent = new long[Limits.GUESS_WARNING_THRESHOLD];
    private int next;
    private int seen;
    private long warnedAt = Long.MIN_VALUE / 2;

    GuessWatch(Clock clock, Audience audience) {
        this.clock = clock;
        this.audience = audience;
    }

    /** A wrong guess at this room: the host is warned once there have been many. */
    void guessed() {
        long now = clock.millis();
        recent[next] = now;
        next = (next + 1) % recent.length;
        seen++;
        // The oldest of the last THRESHOLD guesses is the next slot of the ring.
        if (seen >= recent.length && now - recent[next] <= Limits.GUESS_WARNING_WINDOW_MS) {
            warn(now, "room", ROOM);
        }
    }

    /** The server is being scanned: the host is warned, unless it was a moment ago. */
    void serverScanned() {
        warn(clock.millis(), "server", SERVER);
    }

    /** A warning missed for want of a host is not held back: a host that attaches later is not told. */
    private void warn(long now, String scope, String message) {
        if (audience.host() == null || now - warnedAt < Limits.GUESS_WARNING_INTERVAL_MS) {
            return;
        }
        warnedAt = now;
        audience.deliver(new Outbox().toHost(new ServerMessage.GuessWarning(scope, message)));
    }
}
