package app.quizroom.browser;

import app.quizroom.config.Limits;
import app.quizroom.game.Room;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lobby: nicknames shown as text and never run; the count against the class size; one-click kicking by keyboard,
 * the removed players listed and let back in; removing recent joiners; locking the room.
 */
@Tag("browser")
class LobbyBrowserTest {

    /** Longer than the server's 20 characters: refused, and the refusal is shown in words. */
    private static final String LONG_MARKUP = "<img src=x onerror=window.__x=1>";
    /** Fits in 20 characters, and runs if a page ever puts it in innerHTML (checked below as a control). */
    private static final String MARKUP = "<style onload=__x=1>";
    private static final String INSERT_HTML =
            "const d = document.createElement('div'); d.innerHTML = arguments[0]; document.body.append(d);";

    private static final String SET_NAME = "const f = document.querySelector('[data-testid=\"join-name\"]');"
            + " f.value = arguments[0]; f.dispatchEvent(new Event('input', {bubbles: true}));";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private final Projector projector = browser.projector();
    private final Phone phone = browser.phone(2);
    private final Phone other = browser.phone(1);

    @Test
    void theSetupScreenOnTheServersOwnComputerShowsThePasswordToTypeOnAnotherLaptop() {
        projector.open().awaitScreen("setup");
        String served = new JsonObject(browser.server().request(HttpMethod.GET, "/api/options", null).body())
                .getString("teacherPassword");
        assertTrue(served != null && served.matches("[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}"), "generated: " + served);
        projector.awaitText(Page.testId("generated-password"), served);
        assertTrue(projector.text(Page.testId("password-hint")).startsWith("To host from another computer"));
        assertTrue(projector.driver.findElements(By.cssSelector("[data-testid=\"teacher-password\"]")).stream()
                .noneMatch(WebElement::isDisplayed), "the server's own computer is asked for no password");
    }

    @Test
    void aNicknameWrittenAsHtmlIsShownAsTextAndNeverRuns() {
        String pin = projector.open().createGame(TestBank.TITLE, 0);
        phone.open(pin).fill(pin, LONG_MARKUP).submitJoin();
        phone.awaitText(Page.testId("join-error"), "That nickname is too long (at most 20 characters).");

        phone.join(pin, MARKUP);
        assertEquals(MARKUP, phone.myName());
        projector.awaitPlayers(1);
        assertEquals(List.of(MARKUP), projector.playerNames());

        projector.start();
        phone.awaitAnswering(1);
        phone.choose("Paris");
        projector.awaitScreen("reveal");
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertEquals(List.of("1|" + MARKUP + "|+1,000|1,000"), projector.leaderboard());
        click(projector, "end");
        click(projector, "end");
        projector.awaitScreen("podium");
        assertEquals(List.of(MARKUP), projector.podiumNames());
        browser.time().advance(Limits.PODIUM_REVEAL_MS); // each phone's final waits for the podium's reveal
        phone.awaitScreen("final");
        assertEquals(List.of(MARKUP), phone.texts(By.cssSelector("[data-testid=\"top3\"] .name")));

        for (Page page : List.of(projector, phone)) {
            assertNull(page.js("return window.__x"), "no script ran on " + page.getClass().getSimpleName());
        }
        // Had a page put it in as HTML, the server's Content-Security-Policy (no inline script) would still stop
        // it: the browser reports the refusal, and the markup does not run.
        projector.js("document.addEventListener('securitypolicyviolation', () => { window.__refused = true; });"
                + INSERT_HTML, MARKUP.replace("__x", "__csp"));
        projector.waiting().withMessage("the policy to refuse the markup")
                .until(d -> Boolean.TRUE.equals(projector.js("return window.__refused === true")));
        assertNull(projector.js("return window.__csp"), "refused by the policy");
        // Control: on a page without that policy the same text put in as HTML does run in this browser, so the
        // checks above mean something.
        projector.driver.get("about:blank");
        projector.js(INSERT_HTML, MARKUP.replace("__x", "__control"));
        projector.waiting().withMessage("the control markup to run")
                .until(d -> Long.valueOf(1).equals(projector.js("return window.__control")));
    }

    @Test
    void anEmojiSequenceInANicknameCountsAsOneCharacter() {
        String pin = projector.open().createGame(TestBank.TITLE, 0);
        // A ZWJ sequence (woman technologist), a flag and a skin-toned thumb: one character each, 20 in all.
        String emoji = "\uD83D\uDC69\u200D\uD83D\uDCBB\uD83C\uDDFA\uD83C\uDDE6\uD83D\uDC4D\uD83C\uDFFD";
        String twenty = emoji + " Ben Abcdefghijkl";
        // ChromeDriver types only characters of the Basic Multilingual Plane: the name is set as if pasted.
        other.open(pin).fill(pin, "");
        other.js(SET_NAME, twenty + "m");
        other.submitJoin();
        other.awaitText(Page.testId("join-error"), "That nickname is too long (at most 20 characters).");
        phone.open(pin).fill(pin, "");
        phone.js(SET_NAME, twenty);
        phone.submitJoin();
        phone.awaitScreen("lobby");
        assertEquals(twenty, phone.myName());
        projector.awaitPlayers(1);
        assertEquals(List.of(twenty), projector.playerNames());
    }

    @Test
    void theLobbyCountsAgainstTheClassSizeAndOneClickRemovesAPlayerWhosePhoneStaysOutUntilLetBackIn() {
        projector.open().setUpGame(TestBank.TITLE, 0);
        // The setup screen offers 100 by default, raisable to the server's QUIZROOM_MAX_PLAYERS (2000 here).
        WebElement sizeField = projector.driver.findElement(By.id("opt-class-size"));
        projector.waiting().until(d -> "2000".equals(sizeField.getDomProperty("max")));
        assertEquals("100", sizeField.getDomProperty("value"));
        projector.classSize(30);
        String pin = projector.submitGame();
        phone.open(pin).join(pin, "Zed");
        other.open(pin).join(pin, "Amy");
        projector.awaitPlayers(2);
        assertEquals("2 of 30 players", projector.text(By.cssSelector("[data-testid=\"screen-lobby\"] .player-count")));

        // One key press on Zed's ✕ removes him: no confirmation step, and the button says whom it removes.
        WebElement remove = projector.kickButton("Zed");
        assertEquals("Remove Zed", remove.getDomAttribute("aria-label"));
        remove.sendKeys(Keys.ENTER);
        projector.awaitPlayers(1);
        assertEquals(List.of("Amy"), projector.playerNames());
        assertEquals("Remove Amy", projector.driver.switchTo().activeElement().getDomAttribute("aria-label"),
                "the keyboard stays in the list");
        phone.awaitText(Page.onScreen("message", "message-title"), "You were removed from the game");
        projector.awaitKicked(List.of("Zed"));

        // A locked room answers like a PIN that does not exist, so that it cannot be found by guessing.
        projector.driver.findElement(Page.onScreen("lobby", "lock")).sendKeys(Keys.ENTER);
        projector.awaitText(Page.onScreen("lobby", "lock"), "Room locked: unlock");
        phone.open(pin).fill(pin, "Zed again").submitJoin();
        phone.awaitText(Page.testId("join-error"), Room.NO_SUCH_ROOM);
        projector.click(Page.onScreen("lobby", "lock"));
        projector.awaitText(Page.onScreen("lobby", "lock"), "Lock room");
        // Unlocked, the removed phone is still out, whatever name it types.
        phone.submitJoin();
        phone.awaitText(Page.testId("join-error"),
                "The teacher removed this phone from the game. Ask the teacher to let you back in.");

        // Let back in, by keyboard: the phone joins again.
        projector.driver.findElement(Page.onScreen("lobby", "unban")).sendKeys(Keys.ENTER);
        projector.awaitKicked(List.of());
        phone.submitJoin();
        phone.awaitScreen("lobby");
        projector.awaitPlayers(2);

        // A minute on, a newcomer joins; "the last 30 s" removes the newcomer and nobody else.
        browser.time().advance(60_000);
        Phone third = browser.phone(0);
        third.open(pin).join(pin, "Bot 1");
        projector.awaitPlayers(3);
        projector.click(Page.onScreen("lobby", "kick-recent-30"));
        projector.awaitPlayers(2);
        assertEquals(List.of("Amy", "Zed again"), projector.playerNames());
        projector.awaitText(Page.onScreen("lobby", "removal"), "Removed 1 player who joined in the last 30 s.");
        projector.awaitKicked(List.of("Bot 1"));
        third.awaitText(Page.onScreen("message", "message-title"), "You were removed from the game");
        projector.screenshots("lobby-removed");
    }

    private static void click(Projector projector, String testId) {
        projector.click(Page.onScreen("leaderboard", testId));
    }
}
