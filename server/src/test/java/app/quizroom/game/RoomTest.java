package app.quizroom.game;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLoader;
import app.quizroom.bank.BankProblem;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.scoring.ScoringMode;
import app.quizroom.support.ManualTime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room's phase machine and rules, driven by hand: a direct executor and a manual clock, no Vert.x. */
class RoomTest {

    static final String BANK = """
            id: test
            title: Test bank
            timeLimit: 20
            questions:
              - id: q1
                type: single
                prompt: Who became General Secretary in 1922?
                options: [Stalin, Trotsky, Zinoviev, Kamenev]
                answer: Stalin
              - id: q2
                type: truefalse
                prompt: The Testament was published at once.
                answer: false
              - id: q3
                type: poll
                prompt: Who convinces you?
                options: [Deutscher, Tucker]
            """;

    private ManualTime time;
    private Room room;
    private FakeLink host;

    static Bank bank() {
        List<BankProblem> problems = new ArrayList<>();
        Bank bank = BankLoader.parse("test.yaml", BANK, problems);
        assertEquals(List.of(), problems);
        return bank;
    }

    private Room newRoom(GameOptions options) {
        return new Room("123456", "host-secret", bank(), options,
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 3), "http://x/join/123456", "/qr",
                GameRecorder.NONE);
    }

    @BeforeEach
    void setUp() {
        time = new ManualTime();
        room = newRoom(new GameOptions(ScoringMode.CLASSIC, true, false, false, true, null, 4, false));
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
    }

    private FakeLink join(String name) {
        FakeLink link = new FakeLink();
        room.onMessage(link, new ClientMessage.Join("123456", name), time.millis());
        return link;
    }

    private void command(ClientMessage m) {
        room.onMessage(host, m, time.millis());
    }

    /** The host starts the game; the first question's reading time (4 s in this game) passes and answers open. */
    private void startAndOpenAnswers() {
        command(new ClientMessage.Start());
        time.advance(4_000);
    }

    private void answer(FakeLink player, int question, int option) {
        room.onMessage(player, new ClientMessage.Answer(question, option, null, null, null, null), time.millis());
    }

    /**
     * The last answer awaited closes the question once it is on disk; if it reaches the disk between the room's
     * two looks at it (not yet when the room decides to wait, already when it acknowledges), the question still
     * closes and the result still comes.
     */
    @Test
    void theLastAnswerClosesTheQuestionEvenIfItReachesTheDiskWhileTheRoomLooks() {
        GameRecorder onDiskOnSecondLook = new GameRecorder.Nothing() {
            @Override
            public Saving answerAccepted(int questionIndex, int playerId, GivenAnswer answer, long responseMs,
                                         double credit) {
                CompletableFuture<Void> onDisk = new CompletableFuture<>() {
                    private int looks;

                    @Override
                    public boolean isDone() {
                        return looks++ > 0;
                    }
                };
                onDisk.complete(null);
                return new Saving(CompletableFuture.completedFuture(true), onDisk);
            }
        };
        room = new Room("123456", "host-secret", bank(), GameOptions.defaults(),
                new Room.Environment(Runnable::run, time, time, RoomMetrics.NONE, 3), "http://x/join/123456", "/qr",
                onDiskOnSecondLook);
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
        FakeLink ana = join("Ana");
        command(new ClientMessage.Start());
        time.advance(GameOptions.defaults().readingSeconds() * 1000L);
        answer(ana, 0, 0);
        assertNotNull(ana.last("answerAck"), "acknowledged");
        assertNotNull(ana.last("result"), "the question closed: " + ana.types());
        assertNotNull(host.last("reveal"));
    }

    @Test
    void hostAttachesWithItsTokenAndAWrongTokenFailsClosed() {
        assertEquals(List.of("hosting", "lobby"), host.types());
        FakeLink intruder = new FakeLink();
        room.onMessage(intruder, new ClientMessage.Host("123456", "guess"), time.millis());
        assertEquals(List.of("error"), intruder.types());
        // To a connection not in the room, a wrong host key looks exactly like a PIN that does not exist.
        assertEquals("room_not_found", intruder.lastMessage().path("code").asText());
        assertEquals(Room.NO_SUCH_ROOM, intruder.lastMessage().path("message").asText());
    }

    @Test
    void gameRunsThroughEveryPhaseOnTimersAndHostCommands() {
        FakeLink ana = join("Ana");
        command(new ClientMessage.Start());
        assertEquals(Phase.INTRO, room.phase());
        assertEquals("intro", ana.last("question").path("phase").asText());
        time.advance(3_999);
        assertEquals(Phase.INTRO, room.phase());
        time.advance(1);
        assertEquals(Phase.ANSWERING, room.phase());
        time.advance(20_000);
        assertEquals(Phase.REVEAL, room.phase());
        assertFalse(ana.last("result").path("answered").asBoolean());
        command(new ClientMessage.Next());
        assertEquals(Phase.LEADERBOARD, room.phase());
        command(new ClientMessage.Next());
        assertEquals(Phase.INTRO, room.phase());
        assertEquals(1, ana.last("question").path("index").asInt());
        command(new ClientMessage.Skip());
        assertEquals(Phase.REVEAL, room.phase());
        command(new ClientMessage.Next());
        command(new ClientMessage.Next());
        command(new ClientMessage.Skip());
        command(new ClientMessage.Next());
        command(new ClientMessage.Next());
        assertEquals(Phase.PODIUM, room.phase());
        time.advance(app.quizroom.config.Limits.PODIUM_REVEAL_MS); // each phone's final waits for the podium's reveal
        assertEquals(1, ana.last("final").path("you").path("rank").asInt());
        command(new ClientMessage.Next());
        assertEquals(Phase.FINISHED, room.phase());
        assertEquals("finished", ana.lastMessage().path("type").asText());
    }

    @Test
    void answeringEndsEarlyWhenEveryConnectedPlayerHasAnswered() {
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben");
        FakeLink cy = join("Cy");
        startAndOpenAnswers();
        room.onClose(cy); // a dropped phone does not hold up the room
        answer(ana, 0, 0);
        assertEquals(Phase.ANSWERING, room.phase());
        answer(ben, 0, 1);
        assertEquals(Phase.REVEAL, room.phase());
    }

    @Test
    void aStaleTimerDoesNothingToALaterQuestion() {
        FakeLink ana = join("Ana");
        startAndOpenAnswers();
        command(new ClientMessage.Skip());        // question 0 closed early; its deadline timer is now stale
        command(new ClientMessage.Next());
        command(new ClientMessage.Next());        // question 1 intro
        time.advance(4_000);                      // question 1 answering opens
        assertEquals(Phase.ANSWERING, room.phase());
        time.advance(12_000);                     // question 0's old deadline passes
        assertEquals(Phase.ANSWERING, room.phase());
        assertEquals(1, ana.last("question").path("index").asInt());
        time.advance(8_000);                      // question 1's own deadline
        assertEquals(Phase.REVEAL, room.phase());
    }

    @Test
    void scoresFollowTheClassicRulesWithStreakBonus() {
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben");
        startAndOpenAnswers();
        time.advance(300);
        answer(ana, 0, 0);                       // right in 0.3 s: 1000
        time.advance(9_700);
        answer(ben, 0, 0);                       // right in 10 s: 750
        JsonNode anaResult = ana.last("result");
        assertEquals(1000, anaResult.path("points").asInt());
        assertEquals(1, anaResult.path("rank").asInt());
        JsonNode benResult = ben.last("result");
        assertEquals(750, benResult.path("points").asInt());
        assertEquals(2, benResult.path("rank").asInt());
        assertEquals("Ana", benResult.path("ahead").path("name").asText());
        assertEquals(250, benResult.path("ahead").path("gap").asInt());

        command(new ClientMessage.Next());
        command(new ClientMessage.Next());
        time.advance(4_000);
        time.advance(5_000);
        room.onMessage(ana, new ClientMessage.Answer(1, null, null, null, null, null), time.millis());
        assertEquals("invalid_answer", ana.lastMessage().path("code").asText());
        answer(ana, 1, 1);                       // "False" is right: 875 + streak bonus 100
        answer(ben, 1, 0);                       // wrong
        anaResult = ana.last("result");
        assertEquals(975, anaResult.path("points").asInt());
        assertEquals(100, anaResult.path("bonus").asInt());
        assertEquals(2, anaResult.path("streak").asInt());
        assertEquals(1975, anaResult.path("score").asInt());
        assertEquals(0, ben.last("result").path("streak").asInt());
        JsonNode board = null;
        command(new ClientMessage.Next());
        board = host.last("leaderboard");
        assertEquals("Ana", board.path("top").get(0).path("name").asText());
        assertEquals(975, board.path("top").get(0).path("gained").asInt());
        assertEquals(1, board.path("top").get(0).path("previousRank").asInt());
    }

    @Test
    void pausedTimeIsNotCountedInTheResponseTime() {
        FakeLink ana = join("Ana");
        join("Ben");
        startAndOpenAnswers();
        time.advance(4_000);
        command(new ClientMessage.Pause());
        assertEquals(16_000, host.last("paused").path("remainingMs").asLong());
        time.advance(60_000);                    // the deadline would have passed long ago
        assertEquals(Phase.ANSWERING, room.phase());
        answer(ana, 0, 0);
        assertEquals("paused", ana.lastMessage().path("code").asText());
        command(new ClientMessage.Resume());
        time.advance(6_000);
        answer(ana, 0, 0);                       // 10 s of answering time, not 70 s
        command(new ClientMessage.Skip());
        assertEquals(750, ana.last("result").path("points").asInt());
    }

    @Test
    void oneAnswerPerQuestionAndLateOrEarlyAnswersAreRefused() {
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben");
        command(new ClientMessage.Start());
        answer(ana, 0, 0);
        assertEquals("too_early", ana.lastMessage().path("code").asText());
        time.advance(4_000);
        answer(ana, 1, 0);
        assertEquals("wrong_question", ana.lastMessage().path("code").asText());
        answer(ana, 0, 9);
        assertEquals("invalid_answer", ana.lastMessage().path("code").asText());
        answer(ana, 0, 1);
        assertEquals("answerAck", ana.lastMessage().path("type").asText());
        answer(ana, 0, 0);
        assertEquals("already_answered", ana.lastMessage().path("code").asText());
        time.advance(20_000);
        answer(ben, 0, 0);
        assertEquals("late", ben.lastMessage().path("code").asText());
        assertEquals(0, ana.last("result").path("points").asInt(), "the first answer (wrong) stands");
    }

    @Test
    void aResendWithTheSameNonceGetsTheSameAcknowledgementAndScoresOnce() {
        FakeLink ana = join("Ana");
        join("Ben");
        startAndOpenAnswers();
        ClientMessage.Answer a = new ClientMessage.Answer(0, 0, null, null, null, "n-1");
        room.onMessage(ana, a, time.millis());
        room.onMessage(ana, a, time.millis());
        assertEquals(List.of("answerAck", "answerAck"), ana.types().subList(ana.types().size() - 2, ana.types().size()));
        command(new ClientMessage.Skip());
        assertEquals(1000, ana.last("result").path("score").asInt());
    }

    @Test
    void commandsInTheWrongPhaseOrFromPlayersAreRefusedAndChangeNothing() {
        command(new ClientMessage.Start());
        assertEquals("no_players", host.lastMessage().path("code").asText());
        FakeLink ana = join("Ana");
        command(new ClientMessage.Next());
        assertEquals("wrong_phase", host.lastMessage().path("code").asText());
        command(new ClientMessage.Pause());
        assertEquals("wrong_phase", host.lastMessage().path("code").asText());
        room.onMessage(ana, new ClientMessage.Start(), time.millis());
        assertEquals("not_allowed", ana.lastMessage().path("code").asText());
        assertEquals(Phase.LOBBY, room.phase());
        command(new ClientMessage.Start());
        command(new ClientMessage.Start());
        assertEquals("wrong_phase", host.lastMessage().path("code").asText());
        assertEquals(Phase.INTRO, room.phase());
        room.onMessage(host, new ClientMessage.Answer(0, 0, null, null, null, null), time.millis());
        assertEquals("not_allowed", host.lastMessage().path("code").asText());
    }

    @Test
    void joiningIsRefusedWhenNamesClashTheRoomIsLockedOrFull() {
        join("Ana");
        assertEquals("name_taken", join("  ANA ").lastMessage().path("code").asText());
        assertEquals("name_invalid", join("A\u200bB").lastMessage().path("code").asText());
        command(new ClientMessage.Lock());
        JsonNode locked = join("Ben").lastMessage();
        assertEquals("room_not_found", locked.path("code").asText(), "a locked room looks like no room at all");
        assertEquals(Room.NO_SUCH_ROOM, locked.path("message").asText());
        command(new ClientMessage.Unlock());
        join("Ben");
        join("Cy");
        assertEquals("room_full", join("Dee").lastMessage().path("code").asText());
    }

    @Test
    void aKickedPlayerIsGoneAndTheirTokenNoLongerWorks() {
        FakeLink ana = join("Ana");
        String token = ana.last("joined").path("seatToken").asText();
        int id = ana.last("joined").path("playerId").asInt();
        command(new ClientMessage.Kick(id));
        assertEquals("kicked", ana.lastMessage().path("type").asText());
        assertEquals(CloseCode.KICKED, ana.closedWith);
        assertEquals("playerLeft", host.lastMessage().path("type").asText());
        FakeLink again = new FakeLink();
        room.onMessage(again, new ClientMessage.Rejoin("123456", token), time.millis());
        assertEquals(List.of("error"), again.types());
        assertEquals("bad_token", again.lastMessage().path("code").asText());
    }

    @Test
    void aRejoiningPlayerGetsTheirSeatAndTheOpenQuestionWithTheServersRemainingTime() {
        FakeLink ana = join("Ana");
        join("Ben");
        String token = ana.last("joined").path("seatToken").asText();
        startAndOpenAnswers();
        answer(ana, 0, 0);
        room.onClose(ana);
        time.advance(5_000);
        FakeLink back = new FakeLink();
        room.onMessage(back, new ClientMessage.Rejoin("123456", token), time.millis());
        assertEquals(List.of("joined", "question"), back.types());
        JsonNode q = back.last("question");
        assertEquals("answering", q.path("phase").asText());
        assertEquals(15_000, q.path("remainingMs").asLong());
        assertTrue(q.path("answered").asBoolean());
        assertEquals(ana.last("joined").path("playerId"), back.last("joined").path("playerId"));
    }

    @Test
    void accuracyModeRanksMoreCorrectAnswersFirst() {
        room = newRoom(new GameOptions(ScoringMode.ACCURACY, true, false, false, true, null, 0, false));
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben");
        command(new ClientMessage.Start());
        time.advance(15_000);
        answer(ana, 0, 0);
        time.advance(1_000);
        answer(ben, 0, 0);
        assertEquals(1000, ana.last("result").path("points").asInt(), "time does not matter");
        assertEquals(1000, ben.last("result").path("points").asInt());
        assertEquals(1, ana.last("result").path("rank").asInt(), "the faster total time breaks the tie");
        command(new ClientMessage.Next());
        command(new ClientMessage.Next());
        time.advance(19_000);
        room.onMessage(ana, new ClientMessage.Answer(1, 0, null, null, null, null), time.millis()); // wrong
        room.onMessage(ben, new ClientMessage.Answer(1, 1, null, null, null, null), time.millis()); // right
        assertEquals(1, ben.last("result").path("rank").asInt(), "two right answers beat one, however fast");
        assertEquals(2, ben.last("result").path("score").asInt() / 1000);
        assertNotNull(host.last("reveal"));
    }

    @Test
    void aNewerConnectionTakesOverASeatWithoutAGhostConnection() {
        int[] connected = {0};
        RoomMetrics counting = new RoomMetrics() {
            public void answerAccepted(long n) { }
            public void answerRefused(String r) { }
            public void answerAcknowledged(long ms) { }
            public void broadcast(int r, long n) { }
            public void playerConnected() { connected[0]++; }
            public void playerDisconnected() { connected[0]--; }
        };
        room = new Room("123456", "host-secret", bank(), GameOptions.defaults(),
                new Room.Environment(Runnable::run, time, time, counting, 3), "u", "q", GameRecorder.NONE);
        host = new FakeLink();
        room.onMessage(host, new ClientMessage.Host("123456", "host-secret"), time.millis());
        FakeLink first = join("Ana");
        String token = first.last("joined").path("seatToken").asText();
        host.clear();
        FakeLink second = new FakeLink();
        room.onMessage(second, new ClientMessage.Rejoin("123456", token), time.millis());
        assertEquals(CloseCode.REPLACED, first.closedWith);
        assertEquals(List.of(), host.types(), "the seat never looked disconnected");
        assertEquals(1, connected[0]);
        room.onClose(first); // the old socket's close arrives late: it changes nothing
        assertEquals(1, connected[0]);
        assertEquals(List.of(), host.types());
    }

    @Test
    void theHostsConnectionCannotTakeAPlayersSeat() {
        FakeLink ana = join("Ana");
        room.onMessage(host, new ClientMessage.Rejoin("123456", ana.last("joined").path("seatToken").asText()), time.millis());
        assertEquals("not_allowed", host.lastMessage().path("code").asText());
    }

    @Test
    void resumingClosesTheQuestionIfEveryoneStillConnectedHasAnswered() {
        FakeLink ana = join("Ana");
        FakeLink ben = join("Ben");
        startAndOpenAnswers();
        answer(ana, 0, 0);
        command(new ClientMessage.Pause());
        room.onClose(ben);
        command(new ClientMessage.Resume());
        assertEquals(Phase.REVEAL, room.phase());
    }

    @Test
    void kickingAPlayerWhoAnsweredTakesTheirAnswerOutOfTheCount() {
        FakeLink ana = join("Ana");
        join("Ben");
        join("Cy");
        startAndOpenAnswers();
        answer(ana, 0, 0);
        command(new ClientMessage.Kick(ana.last("joined").path("playerId").asInt()));
        command(new ClientMessage.Skip());
        JsonNode reveal = host.last("reveal");
        assertEquals(0, reveal.path("answered").asInt());
        assertEquals(2, reveal.path("total").asInt());
    }

    @Test
    void aRoomIsAbandonedOnlyWhenNobodyHasBeenConnectedForTheIdleTime() {
        FakeLink ana = join("Ana");
        assertFalse(room.isAbandoned(time.millis() + 3_600_000, 60_000), "host and a player are connected");
        room.onClose(host);
        assertFalse(room.isAbandoned(time.millis() + 3_600_000, 60_000), "a player is still connected");
        room.onClose(ana);
        assertFalse(room.isAbandoned(time.millis() + 59_999, 60_000));
        assertTrue(room.isAbandoned(time.millis() + 60_000, 60_000));
    }
}
