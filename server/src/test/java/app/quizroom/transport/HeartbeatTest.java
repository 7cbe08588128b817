package app.quizroom.transport;

import app.quizroom.support.ManualTime;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The heartbeat on fake time: every ping and deadline is checked to the millisecond, and no test waits. */
class HeartbeatTest {

    private final ManualTime time = new ManualTime();
    private final long start = time.millis();

    /** A socket on the heartbeat that notes when it was pinged and told its deadline came, in ms from the start. */
    private class Probe extends Heartbeat.Member {
        final List<Long> beats = new ArrayList<>();
        final List<Long> deadlines = new ArrayList<>();

        @Override
        void beat() {
            beats.add(time.millis() - start);
        }

        @Override
        void joinDeadline() {
            deadlines.add(time.millis() - start);
        }
    }

    private Heartbeat heartbeat(long pingMs, long joinMs) {
        return new Heartbeat(time, time, pingMs, joinMs);
    }

    @Test
    void eachSocketIsPingedAPeriodAfterItOpenedAndEveryPeriodAfterUntilItLeaves() {
        Heartbeat beat = heartbeat(100, 60_000);
        Probe first = new Probe();
        Probe second = new Probe();
        beat.add(first);
        time.advance(30);
        beat.add(second);
        time.advance(300);
        assertEquals(List.of(100L, 200L, 300L), first.beats, "a period after opening, then every period");
        assertEquals(List.of(130L, 230L, 330L), second.beats, "the second socket on its own schedule");

        beat.remove(first);
        time.advance(350);
        assertEquals(List.of(100L, 200L, 300L), first.beats, "no ping after the socket left");
        assertEquals(List.of(130L, 230L, 330L, 430L, 530L, 630L), second.beats, "the other socket is still pinged");
    }

    @Test
    void theJoinDeadlineComesOnceAfterItsTimeUnlessTheSocketLeftBefore() {
        Heartbeat beat = heartbeat(60_000, 200);
        Probe first = new Probe();
        Probe gone = new Probe();
        Probe last = new Probe();
        beat.add(first);
        beat.add(gone);
        time.advance(50);
        beat.add(last);
        beat.remove(gone);
        time.advance(149);
        assertEquals(List.of(), first.deadlines, "not before its time");
        time.advance(1);
        assertEquals(List.of(200L), first.deadlines, "the first socket's deadline came");
        time.advance(500);
        assertEquals(List.of(200L), first.deadlines, "once");
        assertEquals(List.of(250L), last.deadlines, "the last socket's deadline came, once");
        assertEquals(List.of(), gone.deadlines, "none for a socket that left first");
        beat.remove(first); // a socket past its deadline leaves the pings as well
        time.advance(60_000);
        assertEquals(List.of(), first.beats, "no ping after it left");
        assertEquals(List.of(60_050L), last.beats, "a socket past its deadline is still pinged");
    }

    @Test
    void aSocketWhosePingFailsDoesNotStopTheOthers() {
        Heartbeat beat = heartbeat(50, 60_000);
        Probe failing = new Probe() {
            @Override
            void beat() {
                super.beat();
                throw new IllegalStateException("this socket's ping fails");
            }
        };
        Probe healthy = new Probe();
        beat.add(failing);
        beat.add(healthy);
        time.advance(150);
        assertEquals(List.of(50L, 100L, 150L), healthy.beats, "the healthy socket is still pinged");
        assertEquals(List.of(50L, 100L, 150L), failing.beats, "and the failing one is tried again");
    }

    @Test
    void twoTimersWaitInAllHoweverManySocketsComeAndGo() {
        Heartbeat beat = heartbeat(100, 1_000);
        List<Probe> probes = new ArrayList<>();
        List<Probe> late = new ArrayList<>();
        Probe opener = new Probe() {
            @Override
            void beat() {
                super.beat();
                if (beats.size() == 1) { // a socket opens while the pings are being sent
                    late.add(new Probe());
                    beat.add(late.get(0));
                }
            }
        };
        beat.add(opener);
        for (int i = 0; i < 50; i++) {
            Probe p = new Probe();
            probes.add(p);
            beat.add(p);
            time.advance(7);
        }
        assertEquals(2, time.pendingDueTimes().size(), "one timer for the pings, one for the join deadlines");
        time.advance(2_000);
        assertEquals(1, time.pendingDueTimes().size(), "the deadlines are past: only the pings' timer waits");
        assertEquals(List.of(200L, 300L), late.get(0).beats.subList(0, 2),
                "the socket opened during a ping is pinged a period later");
        probes.forEach(beat::remove);
        late.forEach(beat::remove);
        beat.remove(opener);
        time.advance(100);
        assertEquals(0, time.pendingDueTimes().size(), "no timer once every socket left");

        Probe again = new Probe();
        beat.add(again);
        time.advance(250);
        assertEquals(List.of(100L, 200L), again.beats.stream().map(t -> t - 2_450).toList(),
                "a socket opened after all had left is pinged on time");
    }

    @Test
    void eachGatewayHasItsOwnHeartbeatOnALoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            Object gateway = new Object();
            Object otherGateway = new Object();
            Supplier<Heartbeat> of = () -> Heartbeat.of(context, gateway, time, time, 100, 100);
            Heartbeat mine = onLoop(context, of);
            assertSame(mine, onLoop(context, of), "the same one for the same gateway");
            assertNotSame(mine, onLoop(context, () -> Heartbeat.of(context, otherGateway, time, time, 100, 100)),
                    "another for another");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static <T> T onLoop(Context context, Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> result.complete(action.get()));
        return result.get(10, TimeUnit.SECONDS);
    }
}
