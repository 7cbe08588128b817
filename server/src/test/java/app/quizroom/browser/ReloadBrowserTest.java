package app.quizroom.browser;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reloading a page mid-game loses nothing: a phone keeps its seat and score, the projector gets the game back. */
@Tag("browser")
class ReloadBrowserTest {

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    /** Creates a game with Ann and Bob in it and opens answers to the first question, after one second of reading. */
    private void gameAtFirstQuestion() {
        browser.startedGame(TestBank.TITLE, 1, "Ann", "Bob");
    }

    @Test
    void aPhoneReloadedMidQuestionKeepsItsSeatAndScoreAndCanStillAnswer(Projector projector, Phone ann, Phone bob) {
        gameAtFirstQuestion();
        ann.choose("Paris");
        bob.choose("Lyon");
        assertEquals("Correct|+1,000 points|1,000 points|1st of 2|You are in the lead", ann.awaitResult());
        projector.next("Show leaderboard");
        projector.next("Next question");
        projector.awaitQuestion(2);
        browser.time().advance(1000);
        ann.awaitAnswering(2);
        String seat = ann.storedSeatToken();
        assertNotNull(seat);

        ann.reload();
        ann.awaitAnswering(2);
        assertEquals(seat, ann.storedSeatToken(), "the same seat after the reload");
        assertEquals("Ann · 1,000 pts", ann.topBar());
        ann.chooseAll(List.of("2", "3", "11"));
        bob.chooseAll(List.of("4"));

        // The streak survived too: 1,000 points and a 100-point bonus for a second right answer in a row.
        assertEquals("Correct|+1,100 points|2,100 points|1st of 2|You are in the lead", ann.awaitResult());
        projector.awaitScreen("reveal");
        assertEquals("2 of 2 answered · 1 right", projector.text(Page.onScreen("reveal", "reveal-summary")));
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertEquals(List.of("1|Ann|+1,100|2,100", "2|Bob|+0|0"), projector.leaderboard());
    }

    @Test
    void aProjectorReloadedMidGameGetsTheRunningGameBack(Projector projector, Phone ann, Phone bob) {
        gameAtFirstQuestion();
        ann.choose("Paris");
        browser.time().advance(1000); // runs the server's coalesced answer count

        projector.reload();
        projector.awaitScreen("question");
        projector.awaitText(Page.onScreen("question", "prompt"), "Which city is the capital of France?");
        projector.awaitText(Page.onScreen("question", "answer-count"), "1 of 2 answered");
        bob.choose("Lyon");
        projector.awaitScreen("reveal");

        // Reloaded again at the reveal: the server sends no question then, the page kept the options' texts.
        projector.reload();
        projector.awaitScreen("reveal");
        assertTrue(projector.rightRows().get(0).contains("Paris"), projector.rightRows().toString());
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertEquals(List.of("1|Ann|+1,000|1,000", "2|Bob|+0|0"), projector.leaderboard());
        projector.next("Next question");
        projector.awaitQuestion(2);
        projector.awaitText(Page.onScreen("question", "prompt"), "Which of these numbers are prime? Choose all that apply.");
        browser.time().advance(1000);
        ann.awaitAnswering(2);
        bob.awaitAnswering(2);

        // Pause, resume and skip work from the reloaded page too.
        projector.click(Page.onScreen("question", "pause"));
        projector.awaitText(Page.onScreen("question", "paused"), "Paused");
        ann.awaitText(Page.onScreen("question", "phone-paused"), "Paused");
        projector.click(Page.onScreen("question", "pause"));
        ann.waiting().until(d -> !d.findElement(Page.onScreen("question", "phone-paused")).isDisplayed());
        projector.click(Page.onScreen("question", "skip"));
        projector.awaitScreen("reveal");
        assertEquals("0 of 2 answered · 0 right", projector.text(Page.onScreen("reveal", "reveal-summary")));
    }
}
