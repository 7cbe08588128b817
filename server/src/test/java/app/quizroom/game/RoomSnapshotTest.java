package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room's saved state and a room built again from it (cluster takeover, docs/cluster.md §7), with no Vert.x: a
 * game is played, snapshotted, restored beside the original from the snapshot and the answers its recorder kept,
 * and both go on alike.
 */
class RoomSnapshotTest {

    private static final String PIN = "123456";
    private static final long SEED = 42;

    private final ManualTime time = new ManualTime();
    private final Recorder recorder = new Recorder();

    /** Keeps the accepted answers as the store would, and the scores written. */
    private static final class Recorder extends GameRecorder.Nothing {
        final List<RoomSnapshot.StoredAnswer> answers = new ArrayList<>();
        final List<List<Score>> scored = new ArrayList<>();

        @Override
        public Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs,
                                     double credit) {
            answers.add(new RoomSnapshot.StoredAnswer(questionIndex, playerId, answer, responseMs, credit));
            return Saving.done();
        }

        @Override
        public void questionScored(int questionIndex, List<Score> scores) {
            scored.add(scores);
        }
    }

    private Room.Environment env() {
        return new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 10);
    }

    private Room newRoom(GameOptions options, GameRecorder recorder) {
        return new Room(PIN, "host-secret", RoomTest.bank(), options, env(), "http://x/join/" + PIN, "/qr", recorder,
                SEED);
    }

    private Room restored(RoomSnapshot saved, long elapsedMs) {
        return Room.restore(saved, recorder.answers, elapsedMs, RoomTest.bank(), env(), "http://x/join/" + PIN,
                "/qr", GameRecorder.NONE);
    }

    private static GameOptions options() {
        return new GameOptions(ScoringMode.CLASSIC, true, true, true, true, 20, 0, false);
    }

    private FakeLink host(Room room) {
        FakeLink host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host(PIN, "host-secret"), time.millis());
        return host;
    }

    private FakeLink join(Room room, String name) {
        FakeLink link = new FakeLink();
        room.onMessage(link, new ClientMessage.Join(PIN, name), time.millis());
        return link;
    }

    private FakeLink rejoin(Room room, String seatToken) {
        FakeLink link = new FakeLink();
        room.onMessage(link, new ClientMessage.Rejoin(PIN, seatToken), time.millis());
        return link;
    }

    private void answer(Room room, FakeLink player, int question, int option) {
        room.onMessage(player, new ClientMessage.Answer(question, option, null, null, null, null), time.millis());
    }

    @Test
    void aRoomRestoredFromItsSnapshotSnapshotsTheSameAndPlaysOnAlike() {
        Room room = newRoom(options(), recorder);
        FakeLink host = host(room);
        FakeLink ana = join(room, "Ana");
        FakeLink ben = join(room, "Ben");
        FakeLink cai = join(room, "Cai");
        room.onMessage(host, new ClientMessage.Start(), time.millis());
        assertEquals(Phase.ANSWERING, room.phase());
        int q0 = ana.last("question").path("index").asInt();
        time.advance(1_000);
        answer(room, ana, q0, 0);
        time.advance(1_000);
        answer(room, ben, q0, 1);
        time.advance(20_000);
        assertEquals(Phase.REVEAL, room.phase());
        room.onMessage(host, new ClientMessage.Next(), time.millis());
        room.onMessage(host, new ClientMessage.Next(), time.millis());
        assertEquals(Phase.ANSWERING, room.phase());
        time.advance(2_000);
        answer(room, cai, 1, 0);

        RoomSnapshot saved = room.snapshot();
        assertEquals(Phase.ANSWERING, saved.phase());
        assertEquals(1, saved.question());
        assertEquals(18_000, saved.remainingMs());
        assertEquals(2_000, saved.answeringMs());
        assertEquals(3, saved.players().size());
        assertFalse(saved.hostTokenHash().contains("host-secret"), "only the host key's hash is kept");
        assertTrue(saved.players().stream().noneMatch(s -> s.seatTokenHash().equals(
                ana.last("joined").path("seatToken").asText())), "only seat tokens' hashes are kept");

        Room copy = restored(saved, 0);
        assertEquals(saved, copy.snapshot(), "restored at once, the room snapshots exactly as the original did");

        // Both rooms go on alike: the phones come back with their tokens, the last two answer, the question closes.
        FakeLink copyHost = host(copy);
        assertEquals(List.of("hosting"), copyHost.types().subList(0, 1));
        List<FakeLink> back = new ArrayList<>();
        for (FakeLink phone : List.of(ana, ben, cai)) {
            FakeLink again = rejoin(copy, phone.last("joined").path("seatToken").asText());
            JsonNode joined = again.last("joined");
            assertEquals(phone.last("joined").path("playerId").asInt(), joined.path("playerId").asInt());
            assertEquals(phone.last("joined").path("seatToken").asText(), joined.path("seatToken").asText(),
                    "the phone's token is sent back as it was");
            back.add(again);
        }
        FakeLink caiAgain = back.get(2);
        answer(copy, caiAgain, 1, 1);
        assertEquals("already_answered", caiAgain.last("error").path("code").asText(),
                "an answer stored before the takeover is still this player's answer");
        time.advance(500);
        answer(room, ana, 1, 1);
        answer(copy, back.get(0), 1, 1);
        answer(room, ben, 1, 0);
        answer(copy, back.get(1), 1, 0);
        assertEquals(Phase.REVEAL, room.phase());
        assertEquals(Phase.REVEAL, copy.phase());
        assertEquals(host.last("reveal"), copyHost.last("reveal"), "the same reveal, counts and all");
        assertEquals(room.snapshot(), copy.snapshot(), "the same scores, streaks and places");
        for (int i = 0; i < 3; i++) {
            JsonNode original = List.of(ana, ben, cai).get(i).last("result");
            assertEquals(original, back.get(i).last("result"));
        }
    }

    @Test
    void aQuestionWhoseDeadlinePassedMeanwhileClosesAndAnOpenOneGetsTheTimeItHadLeft() {
        Room room = newRoom(options(), recorder);
        host(room);
        FakeLink ana = join(room, "Ana");
        join(room, "Ben");
        room.onMessage(host(room), new ClientMessage.Start(), time.millis());
        time.advance(5_000);
        answer(room, ana, 0, 0);
        RoomSnapshot saved = room.snapshot();
        assertEquals(15_000, saved.remainingMs());

        Room late = restored(saved, 16_000);
        assertEquals(Phase.REVEAL, late.phase(), "past its deadline, the question closes on restoring");
        int anaScore = late.snapshot().players().get(0).score();
        assertTrue(anaScore > 0 || ana.last("answerAck") != null);
        assertEquals(expectedScore(room), anaScore, "scored from the stored answer, as the original scores it");

        Room early = restored(saved, 6_000);
        assertEquals(Phase.ANSWERING, early.phase());
        assertEquals(9_000, early.snapshot().remainingMs(), "the time it had left, less the time it was away");
        assertEquals(11_000, early.snapshot().answeringMs(), "response times go on from when answers opened");
        time.advance(8_999);
        assertEquals(Phase.ANSWERING, early.phase());
        time.advance(1);
        assertEquals(Phase.REVEAL, early.phase());
    }

    /** Closes the original's question by time and reads Ana's score from it. */
    private int expectedScore(Room room) {
        time.advance(15_000);
        assertEquals(Phase.REVEAL, room.phase());
        return room.snapshot().players().get(0).score();
    }

    @Test
    void aPausedGameStaysPausedWithItsTimeAndKickedPlayersStayOut() {
        Room room = newRoom(options(), recorder);
        FakeLink host = host(room);
        FakeLink ana = join(room, "Ana");
        FakeLink ben = new FakeLink();
        room.onMessage(ben, new ClientMessage.Join(PIN, "Ben", null, null, "ben-phone"), time.millis());
        int benId = ben.last("joined").path("playerId").asInt();
        room.onMessage(host, new ClientMessage.Kick(benId), time.millis());
        room.onMessage(host, new ClientMessage.Start(), time.millis());
        time.advance(3_000);
        room.onMessage(host, new ClientMessage.Pause(), time.millis());
        RoomSnapshot saved = room.snapshot();
        assertTrue(saved.paused());
        assertEquals(1, saved.kicked().size());

        Room copy = restored(saved, 60_000);
        RoomSnapshot again = copy.snapshot();
        assertTrue(again.paused());
        assertEquals(17_000, again.remainingMs(), "paused, the clock did not run while the room moved");
        FakeLink benAgain = new FakeLink();
        copy.onMessage(benAgain, new ClientMessage.Join(PIN, "Ben 2", null, null, "ben-phone"), time.millis());
        assertEquals("banned", benAgain.last("error").path("code").asText(), "a kicked phone stays out");
        FakeLink anaAgain = rejoin(copy, ana.last("joined").path("seatToken").asText());
        assertEquals(ana.last("joined").path("playerId").asInt(), anaAgain.last("joined").path("playerId").asInt());
        FakeLink newcomer = new FakeLink();
        copy.onMessage(newcomer, new ClientMessage.Join(PIN, "Cai"), time.millis());
        assertNotEquals(benId, newcomer.last("joined").path("playerId").asInt(), "no seat id is handed out twice");
    }

    @Test
    void aTeamGameKeepsItsTeamsAndAWrongHostKeyIsStillWrong() {
        GameOptions teams = new GameOptions(ScoringMode.CLASSIC, true, false, false, true, 20, 0, false,
                TeamOptions.generated(3, false, null, 0));
        Room room = newRoom(teams, recorder);
        FakeLink host = host(room);
        FakeLink ana = join(room, "Ana");
        join(room, "Ben");
        room.onMessage(host, new ClientMessage.Start(), time.millis());
        answer(room, ana, 0, 0);
        time.advance(20_000);
        RoomSnapshot saved = room.snapshot();
        assertEquals(2, saved.teams().size(), "the team nobody joined was dropped at the start");

        Room copy = restored(saved, 0);
        assertEquals(saved, copy.snapshot());
        FakeLink intruder = new FakeLink();
        copy.onMessage(intruder, new ClientMessage.Host(PIN, "guess"), time.millis());
        assertEquals("room_not_found", intruder.last("error").path("code").asText());
        assertNull(intruder.closedWith);
    }

    @Test
    void aBankWhoseQuestionsChangedIsRefused() {
        Room room = newRoom(options(), recorder);
        RoomSnapshot saved = room.snapshot();
        RoomSnapshot other = new RoomSnapshot(saved.pin(), saved.bankId(), List.of("q9"), saved.options(),
                saved.seed(), saved.hostTokenHash(), saved.phase(), saved.question(), saved.paused(),
                saved.remainingMs(), saved.answeringMs(), saved.finalsOut(), saved.locked(), saved.nextPlayerId(),
                saved.players(), saved.kicked(), saved.teams());
        assertThrows(IllegalArgumentException.class, () -> restored(other, 0));
    }

    @Test
    void aRoomThatMovedAwayClosesItsConnectionsSoThatTheyReconnect() {
        Room room = newRoom(options(), recorder);
        FakeLink host = host(room);
        FakeLink ana = join(room, "Ana");
        room.onMessage(host, new ClientMessage.Start(), time.millis());
        int scoredBefore = recorder.scored.size();
        room.movedAway();
        assertEquals(CloseCode.ROOM_MOVED, host.closedWith);
        assertEquals(CloseCode.ROOM_MOVED, ana.closedWith);
        time.advance(60_000);
        assertEquals(scoredBefore, recorder.scored.size(), "its timers no longer run the game");
    }
}
