package app.quizroom.browser;

import app.quizroom.config.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone's question, answer-sent, result and final screens with the longest question of each type
 * ({@link LongestBank}): at 360×640 and 320×568 every option and the send button are on screen without scrolling,
 * in landscape the page never scrolls and the send button stays; "Answer sent" says what was sent, and the result
 * shows it beside the right answer on a page coloured (and worded) by the verdict. Every screen is saved at each
 * size under server/target/screenshots/.
 */
@Tag("browser")
class PhoneLayoutBrowserTest {

    @RegisterExtension
    static final BrowserFixture browser = LongestBank.fixture();

    /** The windows are shared with the other test classes: each phone goes back to 360×640. */
    @AfterEach
    void phonesBackToTheirSize(List<Phone> phones) {
        phones.forEach(p -> p.resize(360, 640));
    }

    /**
     * In portrait everything needed to answer is on screen; in landscape (a third of the height) the page still
     * never scrolls and the send button and number field stay on screen, while many long options may scroll in their
     * own area.
     */
    private static void fits(Phone phone, String what) {
        boolean landscape = (Boolean) phone.js("return innerWidth > innerHeight");
        List<String> hidden = phone.hiddenControls().stream()
                .filter(h -> !landscape || !h.matches("(choice|order-item|move-up|move-down) .*")).toList();
        assertEquals(List.of(), hidden, what + " at " + phone.js("return innerWidth + '×' + innerHeight"));
    }

    /** Each phone shows {@code count} controls of this test id, all in view; saved as a screenshot first. */
    private static void allShow(List<Phone> phones, int count, String testId, String what, String shot) {
        for (Phone p : phones) {
            assertEquals(count, p.count(testId), what);
            p.screenshot(shot);
            fits(p, what);
        }
    }

    /** The game moves on to question {@code number}, which every phone then shows as {@link #allShow} checks. */
    private static void nextShows(List<Phone> phones, int number, int count, String testId, String what, String shot) {
        LongestBank.next(browser, number, phones.size());
        allShow(phones, count, testId, what, shot);
    }

    @Test
    void everyQuestionTypeShowsAllItsOptionsAndTheSendButtonOnSmallPhonesAndSaysWhatWasSent(
            Projector projector, Phone wide, Phone narrow, Phone landscape) {
        List<Phone> all = List.of(wide, narrow, landscape);
        LongestBank.start(browser, "Anastasia", "Chidinma Okonkwo-Lee", "Bo");
        wide.resize(360, 640);
        narrow.resize(320, 568);
        landscape.resize(640, 360);
        assertTrue((Boolean) narrow.js("const t = document.querySelector('.phone-top');"
                + " return t.getBoundingClientRect().height <= 48 && getComputedStyle(t).whiteSpace === 'nowrap'"),
                "the top bar is one line at 320 px with a 20-character name");
        assertTrue((Boolean) narrow.js("const n = document.getElementById('me-name'); return n.scrollWidth > n.clientWidth"),
                "the long name is cut short (with an ellipsis), not wrapped");

        // 1. single: the long prompt is cut to make room, and one tap shows all of it.
        allShow(all, 4, "choice", "single choice", "long-question-single");
        narrow.click(Page.onScreen("question", "prompt-toggle"));
        narrow.awaitText(Page.onScreen("question", "prompt-toggle"), "Less ▴");
        assertTrue((Boolean) narrow.js("const p = document.querySelector('[data-testid=phone-prompt]');"
                + " return p.scrollHeight <= p.clientHeight + 1 || getComputedStyle(p).overflowY === 'auto'"),
                "the whole prompt can be read");
        narrow.screenshot("long-question-single-whole-prompt");
        narrow.click(Page.onScreen("question", "prompt-toggle"));
        fits(narrow, "single choice, prompt folded again");
        wide.choose("The funeral was put back a day after he was told, for late delegations");
        assertTrue(wide.text(Page.onScreen("question", "my-answer")).contains("The funeral was put back a day"),
                wide.text(Page.onScreen("question", "my-answer")));
        wide.screenshot("long-answer-sent-single");
        narrow.choose("Moscow had also been slow to tell him of Lenin's first illness in 1922");
        narrow.screenshot("long-answer-sent-single");
        landscape.choose("He was running a high fever for the whole journey");
        wide.awaitResult();
        assertEquals("correct", wide.js("return document.body.dataset.verdict"));
        wide.screenshot("long-result-right");
        assertEquals("Wrong", narrow.awaitResult().split("\\|")[0]);
        assertEquals("wrong", narrow.js("return document.body.dataset.verdict"));
        String yours = narrow.text(Page.onScreen("result", "your-answer"));
        String right = narrow.text(Page.onScreen("result", "right-answer"));
        assertTrue(yours.contains("A") && yours.contains("Lenin's first illness") && yours.contains("✗"), yours);
        assertTrue(right.contains("The funeral was put back a day"), right);
        narrow.screenshot("long-result-wrong");

        // 2. multi: six long options.
        nextShows(all, 2, 6, "choice", "multiple select", "long-question-multi-untouched");
        narrow.tap("choice", 0);
        narrow.tap("choice", 3);
        fits(narrow, "multiple select with two ticked");
        narrow.screenshot("long-question-multi");
        wide.screenshot("long-question-multi");
        wide.chooseAll(List.of("Stalin used his access to Party records to outmanoeuvre rivals",
                "Stalin used the Ban on Factions to brand opponents as splitters"));
        String sent = wide.text(Page.onScreen("question", "my-answer"));
        assertTrue(sent.contains("Party records") && sent.contains("Ban on Factions"), sent);
        wide.screenshot("long-answer-sent-multi");
        narrow.submit();
        narrow.awaitSent();
        narrow.screenshot("long-answer-sent-multi");
        landscape.chooseAll(List.of("Stalin used his access to Party records to outmanoeuvre rivals",
                "Stalin switched economic policies whenever it helped him against rivals",
                "Stalin used the Ban on Factions to brand opponents as splitters"));
        assertEquals("Partly right", wide.awaitResult().split("\\|")[0]);
        assertEquals("partial", wide.js("return document.body.dataset.verdict"));
        wide.screenshot("long-result-partly-right");
        narrow.awaitResult();
        narrow.screenshot("long-result-multi");

        // 3. true/false
        nextShows(all, 3, 2, "choice", "true or false", "long-question-truefalse");
        wide.choose("False");
        narrow.choose("True");
        landscape.choose("False");
        narrow.awaitResult();

        // 4. order: every row, its ▲ ▼ buttons and the send button on screen.
        nextShows(all, 4, 4, "order-item", "ordering", "long-question-order");
        narrow.order(LongestBank.TESTAMENT);
        String order = narrow.text(Page.onScreen("question", "my-answer"));
        assertTrue(order.indexOf("Lenin warns") < order.indexOf("Max Eastman"), order);
        narrow.screenshot("long-answer-sent-order");
        List<String> t = LongestBank.TESTAMENT;
        wide.order(List.of(t.get(1), t.get(0), t.get(2), t.get(3)));
        wide.screenshot("long-answer-sent-order");
        landscape.order(LongestBank.TESTAMENT);
        assertEquals("Correct", narrow.awaitResult().split("\\|")[0]);
        narrow.screenshot("long-result-order");
        assertEquals("Partly right", wide.awaitResult().split("\\|")[0]);
        String wideOrder = wide.text(Page.onScreen("result", "your-answer"));
        assertTrue(wideOrder.indexOf("Lenin asks") < wideOrder.indexOf("Lenin warns"), wideOrder);
        wide.screenshot("long-result-order");

        // 5. numeric, with its unit
        nextShows(all, 5, 1, "numeric-input", "numeric", "long-question-numeric");
        wide.type("76");
        assertTrue(wide.text(Page.onScreen("question", "my-answer")).contains("76 %"));
        wide.screenshot("long-answer-sent-numeric");
        narrow.type("90");
        narrow.screenshot("long-answer-sent-numeric");
        landscape.type("75");
        narrow.awaitResult();
        String mine = narrow.text(Page.onScreen("result", "your-answer"));
        String correct = narrow.text(Page.onScreen("result", "right-answer"));
        assertTrue(mine.contains("90") && correct.contains("76"), mine + " / " + correct);
        narrow.screenshot("long-result-numeric");
        wide.awaitResult();
        wide.screenshot("long-result-numeric");

        // 6. poll
        nextShows(all, 6, 4, "choice", "poll", "long-question-poll");
        wide.choose("In the appeal of Socialism in One Country");
        wide.screenshot("long-answer-sent-poll");
        narrow.choose("Among the wider public outside the Party");
        narrow.screenshot("long-answer-sent-poll");
        landscape.choose("Inside the Party: appointees and new recruits");
        assertEquals("Vote counted", narrow.awaitResult().split("\\|")[0]);
        assertTrue(narrow.text(Page.onScreen("result", "your-answer")).contains("Among the wider public"));
        narrow.screenshot("long-result-poll");
        wide.awaitResult();
        wide.screenshot("long-result-poll");

        projector.next("Show leaderboard");
        projector.next("Show podium");
        projector.awaitScreen("podium");
        browser.time().advance(Limits.PODIUM_REVEAL_MS); // each phone's final waits for the podium's reveal
        for (Phone p : List.of(wide, narrow)) {
            p.awaitFinal();
            assertTrue(p.fitsWidth());
            p.screenshot("long-final");
        }
    }
}
