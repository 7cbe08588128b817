package app.quizroom.game;

import app.quizroom.config.Limits;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room whose players are partly served by other nodes (cluster mode), driven by hand: it tells its
 * {@link Remotes} each move, scores their answers exactly as its own with their time, and waits for them past the
 * deadline for the grace period only; and the {@link EdgeDesk} of such a node times answers from its own opening
 * and refuses them as the room would. No Vert.x, no cluster.
 */
class RemotePlayersTest {

    private static final ClientMessage.Answer STALIN = answer(0, "n0");

    /** The room's remotes as a test sees them: every move recorded, and whether answers are still owed. */
    private static final class Recorded implements Remotes {
        final List<String> moves = new ArrayList<>();
        boolean owing;
        int counted;

        @Override
        public void moved(int question, Phase phase, boolean paused, long remainingMs) {
            moves.add(question + " " + phase.wireName() + (paused ? " paused " : " ") + remainingMs);
        }

        @Override
        public boolean awaiting(int question) {
            return owing;
        }

        @Override
        public int counted(int question, java.util.function.IntPredicate alreadyCounted) {
            return counted;
        }
    }

    private ManualTime time;
    private Room room;
    private FakeLink host;
    private final Recorded remotes = new Recorded();

    @BeforeEach
    void setUp() {
        time = new ManualTime();
        room = new Room("123456", "host-secret", RoomTest.bank(),
                new GameOptions(ScoringMode.CLASSIC, false, false, false, true, null, 4, false),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 10), "http://x/join/123456", "/qr",
                GameRecorder.NONE);
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
        room.relayTo(remotes);
    }

    private static ClientMessage.Answer answer(int option, String nonce) {
        return new ClientMessage.Answer(0, option, null, null, null, nonce);
    }

    private FakeLink join(String name) {
        FakeLink link = new FakeLink();
        room.onMessage(link, new ClientMessage.Join("123456", name), time.millis());
        return link;
    }

    private int playerId(FakeLink link) {
        return link.last("joined").path("playerId").asInt();
    }

    private void startAndOpen() {
        room.onMessage(host, new ClientMessage.Start(), time.millis());
        time.advance(4_000);
        assertEquals(Phase.ANSWERING, room.phase());
    }

    @Test
    void theRoomTellsItsOtherNodesEveryMoveOfTheGame() {
        join("Ana");
        startAndOpen();
        time.advance(5_000);
        room.onMessage(host, new ClientMessage.Pause(), time.millis());
        room.onMessage(host, new ClientMessage.Resume(), time.millis());
        room.onMessage(host, new ClientMessage.Skip(), time.millis());
        assertEquals(List.of("-1 lobby 0", "0 intro 4000", "0 answering 20000", "0 answering paused 15000",
                "0 answering 15000", "0 reveal 0"), remotes.moves);
    }

    @Test
    void anAnswerFromAnotherNodeIsScoredAsALocalOneWithTheTimeThatNodeMeasured() {
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben"); // served elsewhere: the room still holds its seat and link
        startAndOpen();
        time.advance(3_000);
        room.onMessage(ana, STALIN, time.millis());
        room.remoteAnswers(List.of(new Room.RemoteAnswer(playerId(ben), STALIN, 3_000)));
        assertEquals(Phase.REVEAL, room.phase(), "the other node's answer was the last awaited");
        assertEquals(ana.last("result").path("points").asInt(), ben.last("result").path("points").asInt());
        assertTrue(ben.last("result").path("correct").asBoolean());
        assertEquals(List.of(), ben.received.stream().filter(m -> m.path("type").asText().equals("answerAck"))
                .toList(), "the node that took the answer acknowledges it, not the room");
    }

    @Test
    void atItsDeadlineAQuestionWaitsForOtherNodesAnswersForTheGracePeriodAtMost() {
        join("Ana");
        startAndOpen();
        remotes.owing = true;
        time.advance(20_000);
        assertEquals(Phase.ANSWERING, room.phase(), "another node still owes its answers");
        time.advance(Limits.REMOTE_ANSWERS_GRACE_MS - 1);
        assertEquals(Phase.ANSWERING, room.phase());
        time.advance(1);
        assertEquals(Phase.REVEAL, room.phase(), "no longer than the grace period");
    }

    @Test
    void theAnswersAwaitedPastTheDeadlineCloseTheQuestionWhenTheyCome() {
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben");
        startAndOpen();
        room.onMessage(ana, STALIN, time.millis());
        remotes.owing = true;
        time.advance(20_000);
        assertEquals(Phase.ANSWERING, room.phase());
        remotes.owing = false;
        room.remoteAnswers(List.of(new Room.RemoteAnswer(playerId(ben), STALIN, 19_990)));
        assertEquals(Phase.REVEAL, room.phase());
        assertTrue(ben.last("result").path("correct").asBoolean(), "an answer timed before the deadline counts");
    }

    @Test
    void theHostsLiveCountIncludesAnswersOtherNodesHold() {
        join("Ana");
        join("Ben");
        startAndOpen();
        time.advance(1_000);
        remotes.counted = 1;
        room.remoteCountChanged();
        assertEquals(1, host.last("answerCount").path("answered").asInt());
        assertEquals(2, host.last("answerCount").path("total").asInt());
    }

    @Test
    void anEdgeTimesAnswersFromItsOwnOpeningAndRefusesThemAsTheRoomDoes() {
        EdgeDesk desk = new EdgeDesk(room.plan(), GameRecorder.NONE, RoomMetrics.NONE);
        assertEquals(ErrorCode.TOO_EARLY, ((Refusal) desk.take(7, STALIN, 0)).code());
        // The opening reaches this node at 10,000 with 19,950 ms left: it opened 50 ms earlier, on the room.
        desk.moved(0, Phase.ANSWERING, false, 19_950, 10_000);
        assertTrue(desk.answering(0));
        assertEquals(ErrorCode.INVALID_ANSWER, ((Refusal) desk.take(7, answer(9, "x"), 10_100)).code());
        EdgeDesk.Taken taken = assertInstanceOf(EdgeDesk.Taken.class, desk.take(7, STALIN, 11_000));
        assertEquals(1_050, taken.responseMs());
        assertTrue(desk.answered(7));
        assertInstanceOf(EdgeDesk.Again.class, desk.take(7, STALIN, 11_500), "a resend with the same nonce");
        assertEquals(ErrorCode.ALREADY_ANSWERED, ((Refusal) desk.take(7, answer(1, "other"), 11_600)).code());
        assertEquals(ErrorCode.LATE, ((Refusal) desk.take(8, STALIN, 29_951)).code(), "after this node's deadline");
        desk.moved(0, Phase.ANSWERING, true, 5_000, 25_000);
        assertEquals(ErrorCode.PAUSED, ((Refusal) desk.take(8, STALIN, 25_100)).code());
        desk.moved(0, Phase.REVEAL, false, 0, 26_000);
        assertEquals(ErrorCode.LATE, ((Refusal) desk.take(8, STALIN, 26_100)).code());
        assertEquals(1, desk.answeredHere());
    }
}
