package app.quizroom.transport;

import app.quizroom.support.Clock;
import app.quizroom.support.Scheduler;
import io.vertx.core.Context;

import java.util.function.Consumer;

/**
 * The heartbeat pings and join deadlines of every socket of one event loop, on two timers in all instead of two per
 * socket (a Vert.x timer costs about 200 bytes while it waits: 2 MiB for 10,000 phones). Each socket is pinged every
 * {@code pingMs} from its opening, and its join deadline falls {@code joinMs} after it; as every socket waits the
 * same time, each schedule is a list in due order ({@link Lane}), a socket added at the tail, and one timer waits for
 * the head. Time comes from the clock and scheduler it is given (the loop's timers in the server, fake time in
 * tests). Touched only on its loop: the scheduler's tasks must run there.
 */
final class Heartbeat {

    /** A socket on the heartbeat: its place in each lane. */
    abstract static class Member {
        private final Slot ping = new Slot(this);
        private final Slot join = new Slot(this);

        /** Time for a ping (still on the heartbeat: it pings unless it is closing). */
        abstract void beat();

        /** The join deadline has come (it closes the socket unless it holds a seat by now). */
        abstract void joinDeadline();
    }

    /** A member's place in one lane: its links and when it is due. Made with the member, so joining allocates nothing. */
    private static final class Slot {
        private final Member member;
        private Slot prev;
        private Slot next;
        private long dueAt;
        private boolean listed;

        Slot(Member member) {
            this.member = member;
        }
    }

    /**
     * One schedule: members due a fixed time after they join it, in due order, with one timer for the head. A lane
     * that repeats puts each member back at its tail, due again a period later, after calling it.
     */
    private static final class Lane {
        private final Clock clock;
        private final Scheduler scheduler;
        private final long periodMs;
        private final boolean repeats;
        private final Consumer<Member> due;
        private Slot head;
        private Slot tail;
        private boolean armed;

        Lane(Clock clock, Scheduler scheduler, long periodMs, boolean repeats, Consumer<Member> due) {
            this.clock = clock;
            this.scheduler = scheduler;
            this.periodMs = periodMs;
            this.repeats = repeats;
            this.due = due;
        }

        void add(Slot s) {
            long now = clock.millis();
            s.dueAt = now + periodMs;
            append(s);
            if (!armed) {
                arm(now);
            }
        }

        void remove(Slot s) {
            if (s.listed) {
                unlink(s);
            }
        }

        private void append(Slot s) {
            s.listed = true;
            s.next = null;
            s.prev = tail;
            if (tail == null) {
                head = s;
            } else {
                tail.next = s;
            }
            tail = s;
        }

        private void unlink(Slot s) {
            if (s.prev == null) {
                head = s.next;
            } else {
                s.prev.next = s.next;
            }
            if (s.next == null) {
                tail = s.prev;
            } else {
                s.next.prev = s.prev;
            }
            s.prev = null;
            s.next = null;
            s.listed = false;
        }

        private void arm(long now) {
            armed = true;
            scheduler.schedule(Math.max(1, head.dueAt - now), this::fire);
        }

        private void fire() {
            armed = false;
            long now = clock.millis();
            // A repeating member goes back to the tail, due a period from now: the list stays in due order, and the
            // loop ends there.
            while (head != null && head.dueAt - now <= 0) {
                Slot s = head;
                unlink(s);
                if (repeats) {
                    s.dueAt = now + periodMs;
                    append(s);
                }
                try {
                    due.accept(s.member);
                } catch (RuntimeException e) {
                    // one socket's failure must not stop the others' heartbeat
                }
            }
            if (head != null && !armed) { // armed already if a member's call added a socket to the empty lane
                arm(now);
            }
        }
    }

    private final Lane pings;
    private final Lane joins;

    /** A heartbeat of its own; the server keeps one per loop and gateway ({@link #of}). */
    Heartbeat(Clock clock, Scheduler scheduler, long pingMs, long joinMs) {
        this.pings = new Lane(clock, scheduler, pingMs, true, Member::beat);
        this.joins = new Lane(clock, scheduler, joinMs, false, Member::joinDeadline);
    }

    /**
     * The heartbeat of the calling context kept under {@code key} (one per gateway, so that two servers in one Vert.x
     * keep theirs apart); called on that context's own thread, whose timers {@code scheduler} sets.
     */
    static Heartbeat of(Context context, Object key, Clock clock, Scheduler scheduler, long pingMs, long joinMs) {
        Heartbeat beat = context.get(key);
        if (beat == null) {
            beat = new Heartbeat(clock, scheduler, pingMs, joinMs);
            context.put(key, beat);
        }
        return beat;
    }

    /** A socket just opened: its first ping and its join deadline are counted from now. */
    void add(Member m) {
        if (m.ping.listed) {
            return;
        }
        pings.add(m.ping);
        joins.add(m.join);
    }

    /** The socket closed: no more pings, no deadline. */
    void remove(Member m) {
        pings.remove(m.ping);
        joins.remove(m.join);
    }
}
