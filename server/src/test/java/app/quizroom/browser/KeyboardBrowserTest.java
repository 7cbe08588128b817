package app.quizroom.browser;

import app.quizroom.config.Limits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole game with no mouse and no touch, in real Chromium: the teacher sets up, starts and steps through the game
 * on the projector with Tab, Space and Enter, and a student joins and answers one question of each type on the phone
 * the same way (tiles with Enter or Space, order with the ▲ buttons, the number typed and sent with Enter). Every
 * control is reached by Tab and shows where the focus is. The screens of the true/false and poll questions, which
 * the screenshot tour does not play, are checked with axe here; and the axe check itself is shown to fail.
 */
@Tag("browser")
class KeyboardBrowserTest {

    private static final String BANK = "Keyboard bank";
    private static final String BANK_FILE = """
            id: keyboard
            title: Keyboard bank
            description: One question of each type.
            topic: Playing by keyboard
            timeLimit: 20
            questions:
              - id: capital
                type: single
                prompt: "Which city is the capital of France?"
                options: [Paris, Lyon, Marseille, Nice]
                answer: Paris
              - id: primes
                type: multi
                prompt: "Which of these numbers are prime? Choose all that apply."
                options: ["2", "3", "4", "9", "11"]
                answer: ["2", "3", "11"]
              - id: fortress
                type: truefalse
                prompt: "The Kremlin is a fortress."
                answer: true
                explanation: "Kremlin means fortress inside a city."
              - id: planets
                type: order
                prompt: "Put these planets in order from the Sun."
                items: [Mercury, Venus, Earth, Mars]
              - id: wall
                type: numeric
                prompt: "In which year did the Berlin Wall fall?"
                answer: 1989
              - id: visit
                type: poll
                prompt: "Which city would you like to visit?"
                options: [Moscow, Berlin, Paris]
            """;

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withBank("keyboard.yaml", BANK_FILE, Map.of());

    private final Projector projector = browser.projector();
    private final Phone phone = browser.phone(0);

    private static By question(String testId) {
        return Page.onScreen("question", testId);
    }

    /** The teacher tabs to the shown screen's main button and presses Enter. */
    private void next(String label) {
        projector.tabTo(Page.testId("next"), label);
        projector.press(Keys.ENTER);
    }

    /** The phone's result verdict once the question closes (one player: the answer closes it). */
    private String verdict() {
        phone.awaitScreen("result");
        return phone.text(Page.onScreen("result", "verdict"));
    }

    /** Projector from the reveal of question {@code number} to the next question's answers. */
    private void toQuestion(int number) {
        projector.awaitScreen("reveal");
        next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        next("Next question");
        projector.awaitQuestion(number);
        phone.awaitAnswering(number);
    }

    /** axe finds nothing serious on the question's screen, on the projector and on the phone. */
    private void questionAccessible(String kind) {
        projector.assertAccessible("the projector's " + kind + " question");
        phone.assertAccessible("the phone's " + kind + " question");
    }

    /** Puts the order items in this order with the ▲ buttons: Tab to an item's ▲, Enter once per place. */
    private void orderByKeyboard(List<String> texts) {
        for (int place = 0; place < texts.size(); place++) {
            String text = texts.get(place);
            int at = phone.arrangement().indexOf(text);
            if (at <= place) {
                continue;
            }
            WebElement row = phone.driver.findElements(question("order-item")).stream()
                    .filter(r -> r.getText().contains(text)).findFirst().orElseThrow();
            String up = row.findElement(Page.testId("move-up")).getDomAttribute("aria-label");
            phone.tabTo(By.cssSelector("[aria-label=\"" + up + "\"]"), "");
            for (; at > place; at--) {
                phone.press(Keys.ENTER); // the ▲ keeps the focus as its row moves
                int expected = at - 1;
                phone.waiting().withMessage(text + " at place " + (expected + 1))
                        .until(d -> phone.arrangement().indexOf(text) == expected);
            }
        }
        assertEquals(texts, phone.arrangement());
    }

    @Test
    void aTeacherAndAStudentPlayAWholeGameWithTheKeyboardOnly() {
        // Setup: reading time 0, answers in the bank's order, then "Create game".
        projector.open();
        projector.awaitScreen("setup");
        projector.tabTo(By.id("opt-reading"), "");
        projector.press(Keys.chord(Keys.CONTROL, "a"), "0");
        projector.tabTo(By.id("opt-shuffle-options"), "");
        projector.press(Keys.SPACE);
        assertFalse(projector.driver.findElement(By.id("opt-shuffle-options")).isSelected(), "Space unticks it");
        projector.tabTo(Page.testId("create-game"), "Create game");
        projector.press(Keys.ENTER);
        projector.awaitScreen("lobby");
        String pin = projector.awaitText(Page.onScreen("lobby", "pin"), t -> t.matches("\\d{6}"), "a 6-digit PIN");

        // The student follows the QR code's link, types a name and presses Enter.
        phone.open(pin);
        phone.tabTo(Page.testId("join-name"), "");
        phone.press("Kay", Keys.ENTER);
        phone.awaitScreen("lobby");
        projector.awaitPlayers(1);
        projector.tabTo(Page.onScreen("lobby", "start"), "Start");
        projector.press(Keys.ENTER);
        projector.awaitQuestion(1);
        phone.awaitAnswering(1);

        // 1. single: Tab to the tile, Enter.
        phone.tabTo(question("choice"), "Paris");
        phone.press(Keys.ENTER);
        assertEquals("Correct", verdict());
        toQuestion(2);

        // 2. multi: Space toggles each tile, Enter sends.
        for (String prime : List.of("2", "3", "11")) {
            phone.tabTo(question("choice"), prime);
            phone.press(Keys.SPACE);
            phone.waiting().withMessage("'" + prime + "' ticked").until(d -> d.findElements(question("choice")).stream()
                    .anyMatch(t -> "true".equals(t.getDomAttribute("aria-pressed")) && t.getText().endsWith(prime)));
        }
        phone.tabTo(question("submit-answer"), "");
        phone.press(Keys.ENTER);
        assertEquals("Correct", verdict());
        toQuestion(3);

        // 3. true/false, checked with axe on both screens first.
        questionAccessible("true/false");
        phone.tabTo(question("choice"), "True");
        phone.press(Keys.SPACE);
        assertEquals("Correct", verdict());
        projector.awaitScreen("reveal");
        projector.assertAccessible("the projector's true/false reveal");
        toQuestion(4);

        // 4. order: ▲ with Enter, then Tab to "Send order".
        orderByKeyboard(List.of("Mercury", "Venus", "Earth", "Mars"));
        phone.tabTo(question("submit-answer"), "Send order");
        phone.press(Keys.ENTER);
        assertEquals("Correct", verdict());
        toQuestion(5);

        // 5. numeric: typed, Enter sends.
        phone.tabTo(question("numeric-input"), "");
        phone.press("1989", Keys.ENTER);
        assertEquals("Correct", verdict());
        toQuestion(6);

        // 6. poll, checked with axe too.
        questionAccessible("poll");
        phone.tabTo(question("choice"), "Berlin");
        phone.press(Keys.ENTER);
        phone.awaitScreen("result");
        phone.assertAccessible("the phone's poll result");
        projector.awaitScreen("reveal");
        projector.assertAccessible("the projector's poll reveal");

        // The podium and the end, by keyboard.
        next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        next("Show podium");
        projector.awaitScreen("podium");
        projector.awaitPodiumRevealed();
        browser.time().advance(Limits.PODIUM_REVEAL_MS); // the server's side of the podium's reveal
        assertTrue(phone.awaitFinal().startsWith("1st|"), "Kay, alone, wins");
        next("Finish game");
        projector.awaitText(Page.onScreen("podium", "game-over"), "The game is over.");
    }

    @Test
    void theAxeCheckFailsOnAnUnnamedButtonAndALabelThatPointsNowhere() {
        projector.open();
        projector.awaitScreen("setup");
        projector.assertAccessible("the setup screen as served");
        projector.js("const b = document.createElement('button'); b.id = 'unnamed'; document.body.append(b);"
                + " document.querySelector('main').setAttribute('aria-labelledby', 'nowhere');");
        AssertionError failure = assertThrows(AssertionError.class, () -> projector.assertAccessible("a broken page"));
        String message = failure.getMessage();
        assertTrue(message.contains("button-name [critical] [#unnamed]: Buttons must have discernible text"), message);
        assertTrue(message.contains("aria-valid-attr-value [critical, to review] [#screens]"), message);
        assertTrue(message.startsWith("axe finds 2 serious or critical problems on a broken page at 1280×720"), message);
    }
}
