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

/** The lobby: nicknames shown as text and never run; kicking by keyboard; locking the room. */
@Tag("browser")
class LobbyBrowserTest {

    /** Longer than the server's 20 characters: refused, and the refusal is shown in words. */
    private static final String LONG_MARKUP = "<img src=x onerror=window.__x=1>";
    /** Fits in 20 characters, and runs if a page ever puts it in innerHTML (checked below as a control). */
    private static final String MARKUP = "<style onload=__x=1>";
    private static final String INSERT_HTML =
            "const d = document.createElement('div'); d.innerHTML = arguments[0]; document.body.append(d);";

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
    void theTeacherRemovesAPlayerWithTheKeyboardAndLocksTheRoom() {
        String pin = projector.open().createGame(TestBank.TITLE, 0);
        phone.open(pin).join(pin, "Zed");
        other.open(pin).join(pin, "Amy");
        projector.awaitPlayers(2);

        WebElement zed = projector.driver.findElements(Page.onScreen("lobby", "player")).stream()
                .filter(e -> e.getText().contains("Zed")).findFirst().orElseThrow();
        zed.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        WebElement confirm = projector.driver.switchTo().activeElement();
        assertEquals("Remove", confirm.getText(), "the keyboard lands on the confirmation");
        confirm.sendKeys(Keys.ENTER);
        projector.awaitPlayers(1);
        assertEquals(List.of("Amy"), projector.playerNames());
        phone.awaitText(Page.onScreen("message", "message-title"), "You were removed from the game");

        projector.driver.findElement(Page.onScreen("lobby", "lock")).sendKeys(Keys.ENTER);
        projector.awaitText(Page.onScreen("lobby", "lock"), "Room locked: unlock");
        phone.open(pin).fill(pin, "Zed again").submitJoin();
        // A locked room answers like a PIN that does not exist, so that it cannot be found by guessing.
        phone.awaitText(Page.testId("join-error"), Room.NO_SUCH_ROOM);
        projector.click(Page.onScreen("lobby", "lock"));
        projector.awaitText(Page.onScreen("lobby", "lock"), "Lock room");
        phone.submitJoin();
        phone.awaitScreen("lobby");
        projector.awaitPlayers(2);
    }

    private static void click(Projector projector, String testId) {
        projector.click(Page.onScreen("leaderboard", testId));
    }
}
