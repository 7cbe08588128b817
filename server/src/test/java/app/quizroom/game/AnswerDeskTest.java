package app.quizroom.game;

import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.support.ManualTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer desk on its own: a question open by hand, answers arriving on a manual clock, no room, no Vert.x. */
class AnswerDeskTest {

    private final ManualTime time = new ManualTime();
    private final Roster roster = new Roster(RoomMetrics.NONE);
    /** One accepted answer as the store got it. */
    private record Stored(int question, int playerId, GameRecorder.GivenAnswer answer, long responseMs,
                          double credit) {
    }

    private final List<Stored> stored = new ArrayList<>();
    private final AnswerDesk desk = new AnswerDesk(roster, (question, playerId, answer, responseMs, credit) -> {
        stored.add(new Stored(question, playerId, answer, responseMs, credit));
        return GameRecorder.Saving.done();
    }, RoomMetrics.NONE);
    /** Question 0 of the test bank: single choice, Stalin (option 0) right, 20 s, options in the bank's order. */
    private QuestionRun run;
    private Player ana;
    private Player ben;

    @BeforeEach
    void questionZeroOpensNow() {
        run = new QuestionRun(0, RoomTest.bank().questions().get(0), 20, false, new Random(1));
        run.openedAt = time.millis();
        run.deadline = run.openedAt + run.timeLimitMs;
        ana = seated("Ana");
        ben = seated("Ben");
    }

    private Player seated(String name) {
        Player player = roster.seat(new Nicknames.Valid(name, Nicknames.key(name)));
        roster.bind(player, new FakeLink());
        return player;
    }

    private Moment in(Phase phase) {
        return new Moment(phase, run, false, 0);
    }

    private AnswerDesk.Outcome answer(Player player, int question, Integer option, String nonce, Moment at) {
        return desk.take(player, new ClientMessage.Answer(question, option, null, null, null, nonce), time.millis(),
                at);
    }

    private AnswerDesk.Outcome answer(Player player, Integer option) {
        return answer(player, 0, option, null, in(Phase.ANSWERING));
    }

    private static Refusal refused(AnswerDesk.Outcome outcome, ErrorCode code) {
        Refusal refusal = assertInstanceOf(Refusal.class, outcome);
        assertEquals(code, refusal.code(), refusal.message());
        return refusal;
    }

    @Test
    void anAnswerInTimeIsKeptCountedAndTimedFromTheOpeningOfAnswers() {
        time.advance(2_500);
        AnswerRecord record = assertInstanceOf(AnswerDesk.Accepted.class, answer(ana, 0)).record();
        assertEquals(2_500, record.responseMs());
        assertEquals(1.0, record.credit());
        assertSame(record, ana.answers.get(0));
        assertEquals(1, run.answered);
        assertEquals(List.of(new Stored(0, ana.id, new GameRecorder.GivenAnswer(0, null, null, null), 2_500, 1.0)), stored);
    }

    @Test
    void theStoreGetsOnlyTheFieldThatIsScored() {
        desk.take(ana, new ClientMessage.Answer(0, 1, List.of(1, 2), List.of(0), 3.0, null), time.millis(),
                in(Phase.ANSWERING));
        assertEquals(new GameRecorder.GivenAnswer(1, null, null, null), stored.get(0).answer());
        assertEquals(0.0, stored.get(0).credit());
    }

    @Test
    void aSecondAnswerIsRefusedUnlessItResendsTheAcceptedNonce() {
        AnswerRecord first = assertInstanceOf(AnswerDesk.Accepted.class,
                answer(ana, 0, 1, "n1", in(Phase.ANSWERING))).record();
        AnswerDesk.Outcome resend = answer(ana, 0, 0, "n1", in(Phase.REVEAL));
        assertSame(first, assertInstanceOf(AnswerDesk.Repeated.class, resend).record(), "whatever the phase");
        refused(answer(ana, 0, 0, "n2", in(Phase.ANSWERING)), ErrorCode.ALREADY_ANSWERED);
        refused(answer(ana, 0, 0, null, in(Phase.ANSWERING)), ErrorCode.ALREADY_ANSWERED);
        assertEquals(1, run.answered);
        assertEquals(1, stored.size());
    }

    @Test
    void answersOutsideTheAnsweringTimeAreRefusedWithTheReason() {
        Moment lobby = new Moment(Phase.LOBBY, null, false, 0);
        assertEquals("The game has not started yet.",
                refused(answer(ana, 0, 0, null, lobby), ErrorCode.TOO_EARLY).message());
        refused(answer(ana, 1, 0, null, in(Phase.ANSWERING)), ErrorCode.WRONG_QUESTION);
        assertEquals("Answers open after the reading time.",
                refused(answer(ana, 0, 0, null, in(Phase.INTRO)), ErrorCode.TOO_EARLY).message());
        assertEquals("Answers open after the team talk.",
                refused(answer(ana, 0, 0, null, in(Phase.TALK)), ErrorCode.TOO_EARLY).message());
        refused(answer(ana, 0, 0, null, new Moment(Phase.ANSWERING, run, true, 5_000)), ErrorCode.PAUSED);
        refused(answer(ana, 0, 0, null, in(Phase.REVEAL)), ErrorCode.LATE);
        assertEquals(0, run.answered);
        assertTrue(ana.answers.isEmpty());
    }

    @Test
    void anAnswerExactlyAtTheDeadlineCountsAndOneAfterItIsLate() {
        time.advance(20_000);
        assertInstanceOf(AnswerDesk.Accepted.class, answer(ana, 0));
        time.advance(1);
        refused(answer(ben, 0), ErrorCode.LATE);
    }

    @Test
    void whilePausedAnAnswerIsRefusedAsPausedEvenAfterTheOriginalDeadline() {
        time.advance(60_000);
        refused(answer(ana, 0, 0, null, new Moment(Phase.ANSWERING, run, true, 5_000)), ErrorCode.PAUSED);
    }

    @Test
    void anAnswerThatDoesNotFitTheQuestionIsRefusedAndNotStored() {
        assertEquals("this question needs 'option', the index of one option",
                refused(answer(ana, null), ErrorCode.INVALID_ANSWER).message());
        assertEquals("index 9 is out of range 0–3", refused(answer(ana, 9), ErrorCode.INVALID_ANSWER).message());
        assertEquals(List.of(), stored);
        assertEquals(0, run.answered);
    }

    @Test
    void theQuestionIsAllAnsweredOnceEveryConnectedPlayerHasAnswered() {
        answer(ana, 0);
        assertFalse(desk.allAnswered(run), "Ben has not answered");
        roster.unbind(ben);
        assertTrue(desk.allAnswered(run), "Ben is not connected");
    }

    @Test
    void aKickedPlayersAnswerLeavesTheCountOnlyWhileAnswersAreOpen() {
        answer(ana, 0);
        answer(ben, 1);
        desk.forget(ana, in(Phase.ANSWERING));
        assertEquals(1, run.answered);
        desk.forget(ben, in(Phase.REVEAL));
        assertEquals(1, run.answered, "after the reveal the count is history");
    }
}
