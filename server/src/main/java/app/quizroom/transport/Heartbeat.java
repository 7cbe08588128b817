package app.quizroom.transport;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.util.concurrent.TimeUnit;

/**
 * The heartbeat pings and join deadlines of every socket of one event loop, on two timers in all instead of two per
 * socket (a Vert.x timer costs about 200 bytes while it waits: 2 MiB for 10,000 phones). Each socket is pinged every
 * {@code pingMs} from its opening, and its join deadline falls {@code joinMs} after it; as every socket waits the
 * same time, each schedule is a list in due order, a socket added at the tail, and one timer waits for the head.
 * Touched only on its loop.
 */
final class Heartbeat {

    /** A socket on the heartbeat; its links and due times live in it, so that joining costs no object. */
    abstract static class Member {
        private Member pingPrev;
        private Member pingNext;
        private long pingAt;
        private Member joinPrev;
        private Member joinNext;
        private long joinBy;
        private boolean listed;
        private boolean awaitingJoin;

        /** Time for a ping (still on the heartbeat: it pings unless it is closing). */
        abstract void beat();

        /** The join deadline has come (it closes the socket unless it holds a seat by now). */
        abstract void joinDeadline();
    }

    private final Vertx vertx;
    private final long pingNanos;
    private final long joinNanos;
    private Member pingHead;
    private Member pingTail;
    private Member joinHead;
    private Member joinTail;
    private long pingTimer = -1;
    private long joinTimer = -1;

    private Heartbeat(Vertx vertx, long pingMs, long joinMs) {
        this.vertx = vertx;
        this.pingNanos = TimeUnit.MILLISECONDS.toNanos(pingMs);
        this.joinNanos = TimeUnit.MILLISECONDS.toNanos(joinMs);
    }

    /**
     * The heartbeat of the calling context kept under {@code key} (one per gateway, so that two servers in one Vert.x
     * keep theirs apart); called on that context's own thread.
     */
    static Heartbeat of(Context context, Object key, Vertx vertx, long pingMs, long joinMs) {
        Heartbeat beat = context.get(key);
        if (beat == null) {
            beat = new Heartbeat(vertx, pingMs, joinMs);
            context.put(key, beat);
        }
        return beat;
    }

    /** A socket just opened: its first ping and its join deadline are counted from now. */
    void add(Member m) {
        if (m.listed) {
            return;
        }
        m.listed = true;
        long now = System.nanoTime();
        m.pingAt = now + pingNanos;
        appendPing(m);
        if (pingTimer == -1) {
            pingTimer = arm(m.pingAt, now, this::pingsDue);
        }
        m.awaitingJoin = true;
        m.joinBy = now + joinNanos;
        m.joinPrev = joinTail;
        if (joinTail == null) {
            joinHead = m;
        } else {
            joinTail.joinNext = m;
        }
        joinTail = m;
        if (joinTimer == -1) {
            joinTimer = arm(m.joinBy, now, this::joinsDue);
        }
    }

    /** The socket closed: no more pings, no deadline. */
    void remove(Member m) {
        if (!m.listed) {
            return;
        }
        m.listed = false;
        unlinkPing(m);
        if (m.awaitingJoin) {
            unlinkJoin(m);
        }
    }

    private void appendPing(Member m) {
        m.pingNext = null;
        m.pingPrev = pingTail;
        if (pingTail == null) {
            pingHead = m;
        } else {
            pingTail.pingNext = m;
        }
        pingTail = m;
    }

    private void unlinkPing(Member m) {
        if (m.pingPrev == null) {
            pingHead = m.pingNext;
        } else {
            m.pingPrev.pingNext = m.pingNext;
        }
        if (m.pingNext == null) {
            pingTail = m.pingPrev;
        } else {
            m.pingNext.pingPrev = m.pingPrev;
        }
        m.pingPrev = null;
        m.pingNext = null;
    }

    private void unlinkJoin(Member m) {
        if (m.joinPrev == null) {
            joinHead = m.joinNext;
        } else {
            m.joinPrev.joinNext = m.joinNext;
        }
        if (m.joinNext == null) {
            joinTail = m.joinPrev;
        } else {
            m.joinNext.joinPrev = m.joinPrev;
        }
        m.joinPrev = null;
        m.joinNext = null;
        m.awaitingJoin = false;
    }

    private void pingsDue(long timerId) {
        pingTimer = -1;
        long now = System.nanoTime();
        // Each goes back to the tail, due a period from now: the list stays in due order, and the loop ends there.
        while (pingHead != null && pingHead.pingAt - now <= 0) {
            Member m = pingHead;
            unlinkPing(m);
            m.pingAt = now + pingNanos;
            appendPing(m);
            try {
                m.beat();
            } catch (RuntimeException e) {
                // one socket's failure must not stop the others' heartbeat
            }
        }
        if (pingHead != null) {
            pingTimer = arm(pingHead.pingAt, now, this::pingsDue);
        }
    }

    private void joinsDue(long timerId) {
        joinTimer = -1;
        long now = System.nanoTime();
        while (joinHead != null && joinHead.joinBy - now <= 0) {
            Member m = joinHead;
            unlinkJoin(m);
            try {
                m.joinDeadline();
            } catch (RuntimeException e) {
                // one socket's failure must not stop the others' deadlines
            }
        }
        if (joinHead != null) {
            joinTimer = arm(joinHead.joinBy, now, this::joinsDue);
        }
    }

    private long arm(long dueNanos, long now, Handler<Long> handler) {
        long delayMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(dueNanos - now + 999_999));
        return vertx.setTimer(delayMs, handler);
    }
}
