package app.quizroom.browser;

import app.quizroom.config.Limits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the phone does besides fitting the screen: order items move one place a press and by a mouse's or a finger's
 * drag, and the arrangement shown is the answer sent; the nickname is offered again for the next game; a
 * right-to-left name never moves the score or the words beside it.
 */
@Tag("browser")
class PhoneInteractionBrowserTest {

    @RegisterExtension
    static final BrowserFixture browser = LongestBank.fixture();

    @Test
    void orderItemsMoveOnePlaceAPressAndByDragAndTheArrangementShownIsTheAnswerSent(Projector projector, Phone ann) {
        LongestBank.start(browser, "Ann");
        for (int q = 2; q <= 4; q++) { // skipped to the order question
            projector.click(Page.onScreen("question", "skip"));
            projector.awaitScreen("reveal");
            LongestBank.next(browser, q, 1);
        }
        List<String> start = ann.arrangement();
        assertEquals(4, start.size());

        // One press of ▼ moves the first item one place down, and says so.
        ann.moveDown(start.get(0));
        ann.waiting().until(d -> ann.arrangement().indexOf(start.get(0)) == 1);
        assertEquals(List.of(start.get(1), start.get(0), start.get(2), start.get(3)), ann.arrangement());
        ann.waiting().withMessage("the move announced").until(d -> String.valueOf(
                ann.js("return document.getElementById('live').textContent")).endsWith("moved to place 2 of 4."));
        // By keyboard: the focused ▲ keeps the focus after its row moves, so each Enter moves it once more.
        ann.js("arguments[0].focus()", ann.driver.findElements(Page.onScreen("question", "move-up")).get(3));
        for (int i = 0; i < 3; i++) {
            ann.driver.switchTo().activeElement().sendKeys("\n");
        }
        ann.waiting().until(d -> ann.arrangement().get(0).equals(start.get(3)));

        // A mouse drag of the last row to the top, and a finger's drag of the top row to the bottom.
        List<String> before = ann.arrangement();
        ann.js("window.pointers = new Set(); document.addEventListener('pointermove', (e) => pointers.add(e.pointerType))");
        ann.drag(before.get(3), 0);
        ann.waiting().withMessage("the dragged row at the top").until(d -> ann.arrangement().get(0).equals(before.get(3)));
        assertEquals(List.of("mouse"), ann.js("return [...pointers]"));
        List<String> afterMouse = ann.arrangement();
        ann.js("pointers.clear()");
        ann.touchDrag(afterMouse.get(0), 3);
        ann.waiting().withMessage("the touched row at the bottom").until(d -> ann.arrangement().get(3).equals(afterMouse.get(0)));
        assertEquals(List.of("touch"), ann.js("return [...pointers]"));
        ann.assertAccessible("the order question after a move");
        ann.screenshot("question-order-moved");

        // The arrangement is the answer: put right by drags and presses, sent as shown, and scored right.
        for (int place = 0; place < LongestBank.TESTAMENT.size(); place++) {
            String text = LongestBank.TESTAMENT.get(place);
            int at = ann.arrangement().indexOf(text);
            if (at != place) {
                ann.drag(text, place);
                int wanted = place;
                ann.waiting().until(d -> ann.arrangement().indexOf(text) == wanted);
            }
        }
        assertEquals(LongestBank.TESTAMENT, ann.arrangement());
        ann.submit();
        ann.awaitSent();
        assertEquals("Correct", ann.awaitResult().split("\\|")[0]);
    }

    @Test
    void theNicknameIsRememberedOnThePhoneAndOfferedForTheNextGame(Projector projector, Phone phone) {
        browser.gameWith(LongestBank.TITLE, 0, "Zofia");
        assertEquals("Zofia", phone.js("return localStorage.getItem('quizroom.nickname')"));

        projector.js("localStorage.removeItem('quizroom.host')"); // a new game, not the running one back
        String next = projector.open().createGame(LongestBank.TITLE, 0);
        phone.open(next);
        assertEquals("Zofia", phone.driver.findElement(Page.testId("join-name")).getDomProperty("value"));
        phone.assertAccessible("the join screen offering the remembered name");
        phone.screenshot("join-remembered");
        phone.click(Page.testId("join-submit"));
        phone.awaitScreen("lobby");
        assertEquals("Zofia", phone.myName());
    }

    @Test
    void aRightToLeftNameNeverMovesTheScoreOrTheTextBesideIt(Projector projector, Phone sara, Phone bob) {
        String arabic = "Sara سارة";
        String hebrew = "דנה";
        LongestBank.start(browser, arabic, hebrew);
        sara.choose("He was running a high fever for the whole journey");
        bob.choose("The funeral was put back a day after he was told, for late delegations");
        sara.awaitResult();
        bob.awaitResult();
        sara.awaitTextContaining(Page.testId("me"), "pts");

        // Control: in this browser, a name ending in Arabic followed by digits, not isolated, does move them.
        assertTrue((Boolean) sara.js("""
                const p = document.createElement('p');
                p.style.cssText = 'position:absolute;top:0;left:0;white-space:nowrap';
                const name = document.createElement('span');
                const score = document.createElement('span');
                name.textContent = arguments[0];
                score.textContent = ' 1,200 pts';
                p.append(name, score);
                document.body.append(p);
                const moved = score.getClientRects()[0].left < name.getBoundingClientRect().right - 0.5;
                p.remove();
                return moved;""", arabic), "the control: without isolation the score would move into the name");

        // In the top bar, the score stays after the name; in the result, the name stays after "… points behind".
        assertTrue(startsAfterEnd(sara, "#me-score", "#me-name"), "score after the name in the top bar");
        assertEquals(List.of("isolate", "isolate"), sara.js(
                "return ['#me-name', '[data-testid=screen-result] [data-testid=ahead] .name']"
                        + ".map((s) => getComputedStyle(document.querySelector(s)).unicodeBidi)"));
        assertTrue(startsAfterEnd(bob, "#me-score", "#me-name"), "score after the Hebrew name in the top bar");
        String ahead = sara.text(Page.onScreen("result", "ahead"));
        assertTrue(ahead.endsWith(hebrew), ahead);
        assertTrue(startsAfterEnd(sara, "[data-testid=screen-result] [data-testid=ahead] .name",
                "[data-testid=screen-result] [data-testid=ahead] > span"), "the name after the words before it");
        sara.assertAccessible("the result with a right-to-left name");
        sara.screenshot("result-rtl-name");

        projector.next("Show leaderboard");
        projector.click(Page.onScreen("leaderboard", "end"));
        projector.click(Page.onScreen("leaderboard", "end"));
        projector.awaitScreen("podium");
        browser.time().advance(Limits.PODIUM_REVEAL_MS); // each phone's final waits for the podium's reveal
        sara.awaitFinal();
        // In the top three each score stays after its name.
        assertTrue((Boolean) sara.js("""
                return [...document.querySelectorAll('[data-testid=top3] li')].every((li) => {
                  const name = li.querySelector('.name').getBoundingClientRect();
                  const score = li.querySelector('.score').getBoundingClientRect();
                  return score.left >= name.right - 0.5;
                });"""), "scores after names in the top three");
        sara.screenshot("final-rtl-name");
        assertEquals(2, sara.driver.findElements(By.cssSelector("[data-testid=top3] bdi")).size());
    }

    /** Whether the first element found by {@code after} starts (on screen) at or right of where {@code before} ends. */
    private static boolean startsAfterEnd(Phone phone, String after, String before) {
        return (Boolean) phone.js("const a = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " const b = document.querySelector(arguments[1]).getBoundingClientRect();"
                + " return b.width > 0 && a.width > 0 && a.left >= b.right - 0.5", after, before);
    }
}
