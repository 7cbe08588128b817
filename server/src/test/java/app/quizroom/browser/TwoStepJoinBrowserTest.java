package app.quizroom.browser;

import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-step join in the pages: the teacher ticks it on the start screen; the projector shows the pattern of shapes
 * under the PIN (and in the top bar during the game); after the PIN a phone shows a pad of four labelled shape
 * buttons, which work by keyboard too; a wrong pattern is said in words; the pattern changes every 30 s; someone
 * guessing their way in is announced on the projector.
 */
@Tag("browser")
class TwoStepJoinBrowserTest {

    private static final List<String> SHAPES = List.of("Triangle", "Diamond", "Circle", "Square");

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private final Projector projector = browser.projector();
    private final Phone phone = browser.phone(0);
    private final Phone late = browser.phone(1);

    /** The pattern the projector shows in this element (shape indices, in order), once it shows one. */
    private List<Integer> patternIn(By where) {
        projector.waiting().withMessage("a pattern in " + where).until(d -> d.findElements(where).stream()
                .anyMatch(e -> e.isDisplayed() && e.findElements(By.className("pattern-shape")).size() == 4));
        WebElement shown = projector.driver.findElements(where).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow();
        return shown.findElements(By.className("pattern-shape")).stream()
                .map(s -> Integer.parseInt(s.getDomAttribute("data-shape"))).toList();
    }

    private static String words(List<Integer> pattern) {
        return String.join(", ", pattern.stream().map(i -> SHAPES.get(i).toLowerCase()).toList());
    }

    /** Taps the shapes on the phone's pad: by mouse, or by keyboard (Tab to each key, Enter). */
    private static void tap(Phone phone, List<Integer> pattern, boolean keyboard) {
        for (int shape : pattern) {
            WebElement key = phone.driver.findElements(Page.onScreen("pattern", "pattern-key")).get(shape);
            phone.waiting().withMessage("the pad to take taps").until(d -> key.isEnabled());
            if (keyboard) {
                key.sendKeys(Keys.ENTER);
            } else {
                key.click();
            }
        }
    }

    @Test
    void aPhoneTapsThePatternFromTheProjectorAfterThePinAndALateJoinerReadsItFromTheTopBar() {
        projector.open().setUpGame(TestBank.TITLE, 0);
        WebElement option = projector.driver.findElement(By.id("opt-two-step"));
        assertTrue(option.findElement(By.xpath("..")).getText().contains("recommended for large or public games"));
        option.click();
        String pin = projector.submitGame();
        By lobbyPattern = Page.onScreen("lobby", "join-pattern");
        List<Integer> pattern = patternIn(lobbyPattern);
        assertEquals("Join pattern: " + words(pattern),
                projector.driver.findElement(lobbyPattern).getDomAttribute("aria-label"));

        phone.open(pin).fill(pin, "Ann").submitJoin();
        phone.awaitScreen("pattern");
        List<String> labels = phone.texts(Page.onScreen("pattern", "pattern-key"));
        assertEquals(SHAPES, labels, "each key says its shape");
        phone.assertAccessible("the pattern pad");
        projector.assertAccessible("the lobby with a join pattern");
        assertEquals("pattern-key", phone.driver.switchTo().activeElement().getDomAttribute("data-testid"),
                "the keyboard lands on the pad");

        // A wrong pattern is refused in words, and the pad starts again.
        List<Integer> wrong = pattern.stream().map(i -> (i + 1) % 4).toList();
        tap(phone, wrong, false);
        phone.awaitText(Page.onScreen("pattern", "pattern-error"),
                "Those are not the shapes on the big screen. Look again and tap them in order.");
        phone.assertAccessible("the pattern pad saying the pattern was wrong");
        browser.time().advance(1_000); // a wrong pattern makes its network wait a second before the next one

        // The right one, by keyboard alone.
        tap(phone, pattern, true);
        phone.awaitScreen("lobby");
        assertEquals("Ann", phone.myName());
        projector.awaitPlayers(1);

        // Thirty seconds on, the projector shows another pattern.
        browser.time().advance(30_000);
        projector.waiting().withMessage("a new pattern").until(d -> !patternIn(lobbyPattern).equals(pattern));
        List<Integer> next = patternIn(lobbyPattern);
        assertNotEquals(pattern, next);

        // Someone guessing seat tokens on this PIN: the projector says so. (Five misses close a socket.)
        for (int socket = 0; socket < 2; socket++) {
            try (WsClient guesser = browser.server().connect()) {
                for (int i = 0; i < 5; i++) {
                    guesser.send(new JsonObject().put("type", "rejoin").put("pin", pin)
                            .put("seatToken", "forged-" + socket + "-" + i));
                    assertEquals("room_not_found", guesser.awaitError());
                }
            }
        }
        projector.awaitTextContaining(Page.testId("notice"), "guessing their way into this game");

        // During the game the pattern stays in the top bar, for a late joiner.
        projector.start();
        List<Integer> during = patternIn(Page.testId("top-pattern"));
        assertEquals(next, during);
        late.open(pin).fill(pin, "Bea").submitJoin();
        late.awaitScreen("pattern");
        tap(late, during, false);
        late.awaitScreen("question");
        assertEquals("Bea", late.driver.findElement(Page.testId("me")).getText());
    }
}
