package app.quizroom.browser;

import app.quizroom.config.Limits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projector's suspense in real Chromium: sound on by default with a mute that the keyboard reaches and the page
 * remembers; the leaderboard's rows gliding to their new places (not with reduced motion); a name in Arabic script
 * followed by digits kept apart from the numbers around it; and the podium revealed third, second, then first, the
 * final ranking and the phones' own ranks only after that.
 */
@Tag("browser")
class ProjectorSuspenseBrowserTest {

    private static final String ARABIC = "سارة 12";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private final Projector projector = browser.projector();
    private final List<Phone> phones = browser.phones();

    private WebElement mute() {
        return projector.driver.findElement(Page.testId("sound-toggle"));
    }

    private String stored() {
        return (String) projector.js("return localStorage.getItem('quizroom.sound')");
    }

    private void awaitMusic(String track) {
        projector.waiting().withMessage(() -> "music '" + track + "', but it is '" + music() + "'")
                .until(d -> track.equals(music()));
    }

    private String music() {
        return (String) projector.js("return document.body.dataset.music || ''");
    }

    @Test
    void soundIsOnByDefaultAndTheMuteButtonIsReachedByKeyboardAndRemembered() {
        projector.open();
        projector.awaitScreen("setup");
        assertEquals("false", mute().getDomAttribute("aria-pressed"), "sound is on for a new projector");
        assertEquals("Mute", mute().getText());
        projector.createGame(TestBank.TITLE, 2);
        awaitMusic("lobby"); // the click on "Create game" let the page make sound

        // Tab from the top of the page reaches the button; the space bar presses it.
        projector.js("document.activeElement?.blur()");
        for (int i = 0; i < 10 && !"sound-toggle".equals(projector.js("return document.activeElement?.id")); i++) {
            new Actions(projector.driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals("sound-toggle", projector.js("return document.activeElement?.id"), "Tab reaches the mute button");
        new Actions(projector.driver).sendKeys(Keys.SPACE).perform();
        assertEquals("true", mute().getDomAttribute("aria-pressed"));
        assertEquals("off", stored());
        awaitMusic("");

        projector.reload();
        projector.awaitScreen("lobby");
        assertEquals("true", mute().getDomAttribute("aria-pressed"), "muted after a reload");
        projector.click(Page.onScreen("lobby", "pin"));
        assertEquals("", music(), "a click does not bring the music back while muted");

        new Actions(projector.driver).sendKeys("m").perform(); // the M key, as the button's title says
        assertEquals("false", mute().getDomAttribute("aria-pressed"));
        assertEquals("on", stored());
        awaitMusic("lobby");
        Chrome.screenshot(projector.driver, "projector-lobby-sound-on");
    }

    /** Opens answers on question {@code number} (1-based) after the 2 s of reading. */
    private void openAnswers(int number) {
        projector.awaitQuestion(number);
        browser.time().advance(2_000);
        phones.forEach(p -> p.awaitAnswering(number));
    }

    private List<String> leaderboardNames() {
        return projector.leaderboard().stream().map(line -> line.split("\\|")[1]).toList();
    }

    private boolean anyRowMoves() {
        return (Boolean) projector.js("return [...document.querySelectorAll('[data-testid=standing]')]"
                + ".some(r => r.classList.contains('climbing') || r.style.transform)");
    }

    /** Starts recording, in the page, when each podium place and the final ranking become visible. */
    private void recordThePodiumReveal() {
        projector.js("""
                window.__reveal = [];
                const start = performance.now();
                const seen = new Set();
                const note = (what) => { if (!seen.has(what)) { seen.add(what); __reveal.push(what); } };
                const timer = setInterval(() => {
                  const screen = document.querySelector('[data-testid=screen-podium]');
                  if (!screen || screen.hidden) return;
                  if (document.querySelector('[data-testid=confetti]')) note('confetti');
                  for (const step of screen.querySelectorAll('[data-testid=podium-step]')) {
                    if (getComputedStyle(step.querySelector('.step-who')).visibility === 'visible') {
                      note('place ' + step.dataset.rank);
                    }
                  }
                  if (getComputedStyle(screen.querySelector('[data-testid=ranking-box]')).visibility === 'visible') {
                    note('ranking');
                    clearInterval(timer);
                  }
                }, 20);""");
    }

    @Test
    void rowsGlideAnArabicNameStaysApartAndThePodiumIsRevealedThirdSecondFirstBeforeAnyRank() {
        String pin = browser.gameWith(TestBank.TITLE, 2, ARABIC, "Ann", "Bob");
        Phone sara = phones.get(0);
        Phone ann = phones.get(1);
        Phone bob = phones.get(2);

        // 1. Ann right at once, Sara right after 4 s, Bob wrong.
        projector.start();
        openAnswers(1);
        ann.choose("Paris");
        browser.time().advance(4_000);
        sara.choose("Paris");
        bob.choose("Lyon");
        projector.awaitScreen("reveal");
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertEquals(List.of("Ann", ARABIC, "Bob"), leaderboardNames());

        // 2. Bob right after 1 s, Sara right after 2 s (with a streak), Ann wrong: Sara climbs past Ann.
        projector.next("Next question");
        openAnswers(2);
        browser.time().advance(1_000);
        bob.chooseAll(List.of("2", "3", "11"));
        browser.time().advance(1_000);
        sara.chooseAll(List.of("2", "3", "11"));
        ann.chooseAll(List.of("4", "9"));
        projector.awaitScreen("reveal");
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertTrue(anyRowMoves(), "the rows start from their old places and glide");
        Chrome.screenshot(projector.driver, "projector-leaderboard-gliding");
        assertEquals(List.of(ARABIC, "Ann", "Bob"), leaderboardNames());
        assertEquals("▲ 1 place up", projector.climbs().get(0));

        // The name is isolated (a <bdi>): its digits stay with it, between the rank and the climb.
        WebElement row = projector.driver.findElements(Page.onScreen("leaderboard", "standing")).get(0);
        WebElement name = row.findElement(Page.testId("standing-name"));
        assertEquals("bdi", name.getTagName());
        assertEquals("isolate", name.getCssValue("unicode-bidi"));
        assertEquals(ARABIC, name.getText());
        Map<?, ?> boxes = (Map<?, ?>) projector.js("""
                const row = arguments[0];
                const r = (sel) => row.querySelector(sel).getBoundingClientRect();
                const digits = document.createRange();
                const text = row.querySelector('[data-testid=standing-name]').firstChild;
                digits.setStart(text, text.data.indexOf('12'));
                digits.setEnd(text, text.data.indexOf('12') + 2);
                const d = digits.getBoundingClientRect();
                return { rank: r('[data-testid=rank]').right, nameLeft: r('[data-testid=standing-name]').left,
                         nameRight: r('[data-testid=standing-name]').right, climb: r('[data-testid=climb]').left,
                         digitsLeft: d.left, digitsRight: d.right };""", row);
        double nameLeft = ((Number) boxes.get("nameLeft")).doubleValue();
        double nameRight = ((Number) boxes.get("nameRight")).doubleValue();
        assertTrue(((Number) boxes.get("rank")).doubleValue() <= nameLeft, "the rank stands before the name: " + boxes);
        assertTrue(nameRight <= ((Number) boxes.get("climb")).doubleValue(), "the climb stands after the name: " + boxes);
        assertTrue(((Number) boxes.get("digitsLeft")).doubleValue() >= nameLeft - 0.5
                && ((Number) boxes.get("digitsRight")).doubleValue() <= nameRight + 0.5, "the digits stay in the name: " + boxes);

        // 3. With reduced motion: Bob climbs past Ann, and the rows simply stand in their new places.
        projector.next("Next question");
        openAnswers(3);
        List<String> planets = List.of("Mercury", "Venus", "Earth", "Mars");
        bob.order(planets);
        ann.order(List.of("Mars", "Earth", "Venus", "Mercury"));
        browser.time().advance(5_000);
        projector.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        try {
            sara.order(planets);
            projector.awaitScreen("reveal");
            projector.next("Show leaderboard");
            projector.awaitScreen("leaderboard");
            assertEquals(List.of(ARABIC, "Bob", "Ann"), leaderboardNames());
            assertEquals("▲ 1 place up", projector.climbs().get(1));
            assertTrue(!anyRowMoves(), "no row moves for those who prefer reduced motion");
        } finally {
            projector.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }

        // The podium: third, then second, then (after a drumroll) first with confetti, then the final ranking.
        recordThePodiumReveal();
        projector.click(Page.onScreen("leaderboard", "end"));
        projector.click(Page.onScreen("leaderboard", "end"));
        projector.awaitScreen("podium");
        assertTrue(!projector.driver.findElement(Page.onScreen("podium", "ranking-box")).isDisplayed(),
                "the final ranking waits for the podium's reveal");
        projector.awaitText(Page.onScreen("podium", "podium-caption"), "And the winner is…");
        Chrome.screenshot(projector.driver, "projector-podium-drumroll-1280x720");
        projector.awaitPodiumRevealed();
        Chrome.screenshot(projector.driver, "projector-podium-revealed-1280x720");
        assertEquals(List.of("place 3", "place 2", "confetti", "place 1", "ranking").stream().sorted().toList(),
                ((List<?>) projector.js("return __reveal")).stream().map(String::valueOf).sorted().toList());
        List<?> order = ((List<?>) projector.js("return __reveal.filter(w => w !== 'confetti')"));
        assertEquals(List.of("place 3", "place 2", "place 1", "ranking"), order, "the order of the reveal");
        assertEquals(List.of(ARABIC, "Bob", "Ann"), projector.podiumNames());
        assertEquals("Congratulations, " + ARABIC + "!", projector.text(Page.onScreen("podium", "podium-caption")));
        assertEquals(ARABIC, projector.driver.findElement(By.cssSelector(
                "[data-testid=podium-caption] bdi")).getText(), "the winner's name is isolated in the caption");
        assertEquals("1st place: " + ARABIC + ", 3,025 points", projector.driver.findElement(
                Page.onScreen("podium", "podium-said")).getDomProperty("textContent"), "what a screen reader hears last");

        // The phones have said nothing yet: their ranks come when the server's reveal time is over.
        phones.forEach(p -> assertNotEquals("final", p.screen()));
        browser.time().advance(Limits.PODIUM_REVEAL_MS);
        assertEquals("1st|with 3,025 points", sara.awaitFinal());
        assertTrue(bob.awaitFinal().startsWith("2nd|"));
        assertTrue(ann.awaitFinal().startsWith("3rd|"));
    }
}
