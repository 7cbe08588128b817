package app.quizroom.game;

import app.quizroom.support.ManualTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pacing of a running answer count (the host's, and each edge node's to the owner), on a clock driven by hand:
 * at most one send per interval, the last change always sent, and a send still on its way for a question that has
 * closed neither sent nor in the way of the next question's.
 */
class CountPacerTest {

    private static final long INTERVAL = 200;

    private ManualTime time;
    private CountPacer pacer;
    /** The question whose answers are open, and how many have come in; -1 when none are open. */
    private int open;
    private int answered;
    /** What went out: "question:count", in order. */
    private final List<String> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        time = new ManualTime();
        pacer = new CountPacer(time, time, INTERVAL, question -> {
            if (question != open) {
                return false; // stale: the question closed or moved on
            }
            sent.add(question + ":" + answered);
            return true;
        });
        open(0);
    }

    private void open(int question) {
        open = question;
        answered = 0;
    }

    private void answer() {
        answered++;
        pacer.changed(open);
    }

    @Test
    void theFirstChangeGoesAtOnceAndLaterOnesAtMostOncePerInterval() {
        answer();
        assertEquals(List.of("0:1"), sent);
        time.advance(50);
        answer();
        time.advance(50);
        answer();
        assertEquals(List.of("0:1"), sent, "held back until the interval is over");
        time.advance(100);
        assertEquals(List.of("0:1", "0:3"), sent, "both changes in one send, with the count as it is then");
        time.advance(1_000);
        assertEquals(List.of("0:1", "0:3"), sent, "nothing more without a change");
        answer();
        assertEquals(List.of("0:1", "0:3", "0:4"), sent, "a change after a quiet interval goes at once");
    }

    @Test
    void aSendStillOnItsWayForAClosedQuestionDoesNotHoldUpTheNextQuestionsCount() {
        answer();
        time.advance(50);
        answer(); // held back: on its way for question 0
        time.advance(20);
        open(1); // question 0 closes (say every player it waited for answered) and question 1 opens
        time.advance(30);
        answer(); // question 1's first answer, within the interval of question 0's last send
        time.advance(100);
        assertEquals(List.of("0:1", "1:1"), sent, "question 1's count goes when the interval is over;"
                + " question 0's, stale by then, does not");
        time.advance(1_000);
        assertEquals(List.of("0:1", "1:1"), sent);
    }

    @Test
    void aSendDelayedPastItsQuestionsCloseSendsNothingAndTheNextChangeGoesAtOnce() {
        answer();
        time.advance(10);
        answer();
        open(-1); // answers closed (the reveal carries the count from now on)
        time.advance(INTERVAL);
        assertEquals(List.of("0:1"), sent);
        open(1);
        time.advance(5);
        answer();
        assertEquals(List.of("0:1", "1:1"), sent, "the stale send did not count as one");
    }

    @Test
    void aCountSentWithTheQuestionsOpeningStartsTheIntervalAgain() {
        pacer.sent(); // the opening's count (0) went with the question
        time.advance(30);
        answer();
        assertEquals(List.of(), sent);
        time.advance(170);
        assertEquals(List.of("0:1"), sent);
    }
}
