package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.quizroom.config.Limits.PODIUM_REVEAL_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The podium's reveal on a manual clock: the projector gets the podium at once and reveals third, second and first;
 * each phone's own final standing waits until the reveal is over, except for a phone that comes back later.
 */
class PodiumRevealTest {

    private final ManualTime time = new ManualTime();
    private Room room;
    private FakeLink host;
    private FakeLink ana;
    private FakeLink ben;

    @BeforeEach
    void reachThePodium() {
        room = new Room("123456", "host-secret", RoomTest.bank(),
                new GameOptions(ScoringMode.CLASSIC, true, false, false, true, null, 4, false),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 10), "http://x/join/123456", "/qr",
                GameRecorder.NONE);
        host = send(new FakeLink(), new ClientMessage.Host("123456", "host-secret"));
        ana = send(new FakeLink(), new ClientMessage.Join("123456", "Ana"));
        ben = send(new FakeLink(), new ClientMessage.Join("123456", "Ben"));
        send(host, new ClientMessage.Start());
        time.advance(4_000);
        send(ana, new ClientMessage.Answer(0, 0, null, null, null, null));
        send(host, new ClientMessage.End());
        assertEquals(Phase.PODIUM, room.phase());
    }

    /** Hands the room a message from this connection, now; returns the connection. */
    private FakeLink send(FakeLink from, ClientMessage message) {
        room.onMessage(from, message, time.millis());
        return from;
    }

    private static boolean hasFinal(FakeLink link) {
        return link.types().contains("final");
    }

    private FakeLink rejoin(FakeLink before) {
        String token = before.last("joined").path("seatToken").asText();
        room.onClose(before);
        return send(new FakeLink(), new ClientMessage.Rejoin("123456", token));
    }

    @Test
    void theProjectorGetsThePodiumAtOnceAndEachPhoneItsFinalOnlyWhenTheRevealIsOver() {
        assertEquals("Ana", host.last("podium").path("ranking").get(0).path("name").asText());
        assertFalse(hasFinal(ana) || hasFinal(ben), "no phone tells its rank while the projector reveals the podium");

        time.advance(PODIUM_REVEAL_MS - 1);
        assertFalse(hasFinal(ana) || hasFinal(ben));

        time.advance(1);
        assertEquals(1, ana.last("final").path("you").path("rank").asInt());
        assertEquals(2, ben.last("final").path("you").path("rank").asInt());
        assertEquals("final", ana.lastMessage().path("type").asText());
    }

    @Test
    void aPhoneThatComesBackAfterTheRevealGetsItsFinalAtOnce() {
        time.advance(PODIUM_REVEAL_MS);
        FakeLink back = rejoin(ben);
        assertEquals(List.of("joined", "final"), back.types());
        assertEquals(2, back.last("final").path("you").path("rank").asInt());
        FakeLink late = send(new FakeLink(), new ClientMessage.Join("123456", "Cy"));
        assertEquals(List.of("joined", "final"), late.types(), "a newcomer at the podium gets the final ranking too");
    }

    @Test
    void aPhoneThatComesBackDuringTheRevealGetsItsFinalWithEveryoneElse() {
        time.advance(2_000);
        FakeLink back = rejoin(ben);
        assertEquals(List.of("joined"), back.types());
        assertEquals("podium", back.last("joined").path("phase").asText());

        time.advance(PODIUM_REVEAL_MS - 2_000);
        assertEquals(List.of("joined", "final"), back.types());
        assertFalse(hasFinal(ben), "the closed connection gets nothing");
        assertTrue(hasFinal(ana));
    }

    @Test
    void aRoomClosedDuringTheRevealSendsEachFinalBeforeItsEnd() {
        time.advance(1_000);
        room.close(); // a shutdown or the idle sweep
        assertEquals(List.of("final", "finished"), ana.types().subList(ana.types().size() - 2, ana.types().size()));
        time.advance(PODIUM_REVEAL_MS);
        assertEquals(1, ana.types().stream().filter("final"::equals).count());
    }

    @Test
    void finishingBeforeTheRevealIsOverSendsEachFinalFirstAndTheTimerThenDoesNothing() {
        time.advance(1_000);
        send(host, new ClientMessage.Next());
        assertEquals(Phase.FINISHED, room.phase());
        assertEquals(List.of("final", "finished"), ana.types().subList(ana.types().size() - 2, ana.types().size()));
        int before = ana.received.size();

        time.advance(PODIUM_REVEAL_MS);
        assertEquals(before, ana.received.size(), "the reveal's timer is stale once the game has finished");
        assertEquals(1, ana.types().stream().filter("final"::equals).count());
    }
}
