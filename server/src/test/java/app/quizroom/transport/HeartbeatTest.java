package app.quizroom.transport;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatTest {

    private static final long MS = 1_000_000;

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** A socket on the heartbeat that notes when it was added, pinged and told its deadline came; and off-loop calls. */
    private static class Probe extends Heartbeat.Member {
        final List<Long> beats = new CopyOnWriteArrayList<>();
        final List<Long> deadlines = new CopyOnWriteArrayList<>();
        volatile long addedAt;
        volatile boolean offLoop;
        final CountDownLatch threeBeats = new CountDownLatch(3);
        final CountDownLatch deadline = new CountDownLatch(1);

        @Override
        void beat() {
            offLoop |= !Context.isOnEventLoopThread();
            beats.add(System.nanoTime());
            threeBeats.countDown();
        }

        @Override
        void joinDeadline() {
            offLoop |= !Context.isOnEventLoopThread();
            deadlines.add(System.nanoTime());
            deadline.countDown();
        }
    }

    private Heartbeat heartbeat(long pingMs, long joinMs) throws Exception {
        return onLoop(() -> Heartbeat.of(context, this, vertx, pingMs, joinMs));
    }

    private <T> T onLoop(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> result.complete(action.get()));
        return result.get(10, TimeUnit.SECONDS);
    }

    private void add(Heartbeat beat, Probe probe) throws Exception {
        onLoop(() -> {
            probe.addedAt = System.nanoTime();
            beat.add(probe);
            return null;
        });
    }

    private void remove(Heartbeat beat, Probe probe) throws Exception {
        onLoop(() -> {
            beat.remove(probe);
            return null;
        });
    }

    @Test
    void eachSocketIsPingedAPeriodAfterItOpenedAndEveryPeriodAfterUntilItLeaves() throws Exception {
        Heartbeat beat = heartbeat(100, 60_000);
        Probe first = new Probe();
        Probe second = new Probe();
        add(beat, first);
        Thread.sleep(30);
        add(beat, second);
        assertTrue(first.threeBeats.await(10, TimeUnit.SECONDS), "pinged again and again");
        assertTrue(second.threeBeats.await(10, TimeUnit.SECONDS), "the second socket too");
        remove(beat, first);
        int pinged = first.beats.size();
        Thread.sleep(350);
        assertEquals(pinged, first.beats.size(), "no ping after the socket left");
        assertTrue(second.beats.size() >= 4, "the other socket is still pinged");
        for (Probe p : List.of(first, second)) {
            assertTrue(p.beats.get(0) - p.addedAt >= 100 * MS, "first ping a period after opening");
            for (int i = 1; i < p.beats.size(); i++) {
                assertTrue(p.beats.get(i) - p.beats.get(i - 1) >= 99 * MS, "a period between pings");
            }
            assertEquals(false, p.offLoop, "called on the loop");
        }
    }

    @Test
    void theJoinDeadlineComesOnceAfterItsTimeUnlessTheSocketLeftBefore() throws Exception {
        Heartbeat beat = heartbeat(60_000, 200);
        Probe first = new Probe();
        Probe gone = new Probe();
        Probe last = new Probe();
        add(beat, first);
        add(beat, gone);
        Thread.sleep(50);
        add(beat, last);
        remove(beat, gone);
        assertTrue(first.deadline.await(10, TimeUnit.SECONDS), "the first socket's deadline came");
        assertTrue(last.deadline.await(10, TimeUnit.SECONDS), "the last socket's deadline came");
        Thread.sleep(300);
        for (Probe p : List.of(first, last)) {
            assertEquals(1, p.deadlines.size(), "once");
            assertTrue(p.deadlines.get(0) - p.addedAt >= 200 * MS, "not before its time");
            assertEquals(false, p.offLoop, "called on the loop");
        }
        assertEquals(0, gone.deadlines.size(), "none for a socket that left first");
        remove(beat, first); // a socket past its deadline leaves the pings as well
        assertEquals(0, first.beats.size(), "no ping came within the long period");
    }

    @Test
    void aSocketWhosePingFailsDoesNotStopTheOthers() throws Exception {
        Heartbeat beat = heartbeat(50, 60_000);
        Probe failing = new Probe() {
            @Override
            void beat() {
                super.beat();
                throw new IllegalStateException("this socket's ping fails");
            }
        };
        Probe healthy = new Probe();
        add(beat, failing);
        add(beat, healthy);
        assertTrue(healthy.threeBeats.await(10, TimeUnit.SECONDS), "the healthy socket is still pinged");
        assertTrue(failing.threeBeats.await(10, TimeUnit.SECONDS), "and the failing one is tried again");
    }

    @Test
    void eachGatewayHasItsOwnHeartbeatOnALoop() throws Exception {
        Object otherGateway = new Object();
        Heartbeat mine = heartbeat(100, 100);
        assertTrue(mine == heartbeat(100, 100), "the same one for the same gateway");
        assertTrue(mine != onLoop(() -> Heartbeat.of(context, otherGateway, vertx, 100, 100)), "another for another");
    }
}
