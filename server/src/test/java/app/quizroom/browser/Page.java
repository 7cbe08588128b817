package app.quizroom.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the projector and phone pages share: waiting for a screen, reading text by test id, clicking, the keyboard
 * ({@link #tabTo}, {@link #press}) and the axe check ({@link #assertAccessible}).
 */
abstract class Page {

    static final Duration WAIT = Duration.ofSeconds(10);
    /** The impacts that fail {@link #assertAccessible}: axe's two highest. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /** More Tab presses than any screen has stops: past this, {@link #tabTo} gives up. */
    private static final int MAX_TABS = 60;

    final ChromeDriver driver;
    final String baseUrl;

    Page(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A whole number as the pages write it, grouped in thousands (1,234). */
    static String number(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    /** The visible element with this test id inside the current screen. */
    static By onScreen(String screen, String id) {
        return By.cssSelector("[data-testid=\"screen-" + screen + "\"]:not([hidden]) [data-testid=\"" + id + "\"]");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Waits until the page shows this screen (the body's data-screen). */
    void awaitScreen(String screen) {
        waiting().withMessage(() -> "screen '" + screen + "', but it shows '" + screen() + "'" + alerts())
                .until(d -> screen.equals(screen()));
    }

    /** Whatever the page says in its visible alerts, and the browser's script errors, for failure messages. */
    String alerts() {
        List<String> said = texts(By.cssSelector("[role=alert]"));
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).toList();
        return (said.isEmpty() ? "" : " saying " + said) + (errors.isEmpty() ? "" : "; browser errors: " + errors);
    }

    String screen() {
        return driver.findElement(By.tagName("body")).getDomAttribute("data-screen");
    }

    /** Waits until the first visible element found by {@code by} has text matching the predicate; returns that text. */
    String awaitText(By by, Predicate<String> wanted, String description) {
        String[] last = {null};
        waiting().withMessage(() -> description + " in " + by + "; last text: " + last[0]).until(d -> {
            try {
                for (WebElement e : d.findElements(by)) {
                    if (e.isDisplayed()) {
                        last[0] = e.getText();
                        return wanted.test(last[0]);
                    }
                }
                return false;
            } catch (StaleElementReferenceException stale) {
                return false;
            }
        });
        return last[0];
    }

    String awaitText(By by, String expected) {
        return awaitText(by, expected::equals, "text '" + expected + "'");
    }

    String awaitTextContaining(By by, String part) {
        return awaitText(by, t -> t.contains(part), "text containing '" + part + "'");
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    void click(By by) {
        waiting().withMessage(() -> "a clickable " + by).until(d -> {
            for (WebElement e : d.findElements(by)) {
                if (e.isDisplayed() && e.isEnabled()) {
                    e.click();
                    return true;
                }
            }
            return false;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Presses these keys as a keyboard would: they go to whatever has the focus. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Presses Tab, as someone with only a keyboard would, until the focus is on an element found by {@code by} whose
     * text contains {@code text} ("" for any); checks that the focus is drawn there, and returns the element. Waits
     * first for such an element to be shown and enabled.
     */
    WebElement tabTo(By by, String text) {
        Predicate<WebElement> wanted = e -> e.isDisplayed() && e.isEnabled() && e.getText().contains(text);
        waiting().withMessage(() -> "an enabled " + by + " with '" + text + "'" + alerts())
                .until(d -> d.findElements(by).stream().anyMatch(wanted));
        for (int presses = 0; presses <= MAX_TABS; presses++) {
            WebElement focused = driver.switchTo().activeElement();
            if (driver.findElements(by).stream().anyMatch(e -> e.equals(focused) && wanted.test(e))) {
                assertTrue((Boolean) js("const s = getComputedStyle(document.activeElement);"
                                + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2"),
                        () -> "the focus on " + by + " is not drawn: " + js("return document.activeElement.outerHTML"));
                return focused;
            }
            press(Keys.TAB);
        }
        return fail(MAX_TABS + " presses of Tab never reach " + by + " with '" + text + "'; the focus is on "
                + js("return document.activeElement.outerHTML"));
    }

    /**
     * Runs axe (Deque's axe-core, every rule, injected into the page as it is now) and fails on any serious or
     * critical violation, listing each as "rule [impact] target: help (what to fix)". What axe leaves for a person to
     * review counts too when it is serious (an aria-labelledby naming no element, an aria-label a role does not
     * allow), except colour contrast, which it leaves undecided for every symbol (✓, ▲) and every layered background.
     */
    void assertAccessible(String where) {
        Results results = new AxeBuilder().analyze(driver);
        assertFalse(results.isErrored(), () -> "axe could not check " + where + ": " + results.getErrorMessage());
        List<String> found = new ArrayList<>();
        blocking(results.getViolations(), "", found);
        blocking(results.getIncomplete().stream().filter(r -> !r.getId().equals("color-contrast")).toList(),
                ", to review", found);
        if (!found.isEmpty()) {
            fail("axe finds " + found.size() + " serious or critical problems on " + where + " at "
                    + js("return innerWidth + '×' + innerHeight") + ":\n  " + String.join("\n  ", found));
        }
    }

    private static void blocking(List<Rule> rules, String kind, List<String> found) {
        for (Rule rule : rules) {
            for (CheckedNode node : rule.getNodes()) {
                if (BLOCKING.contains(node.getImpact())) {
                    found.add(rule.getId() + " [" + node.getImpact() + kind + "] " + node.getTarget() + ": "
                            + rule.getHelp() + " (" + node.getFailureSummary().replace('\n', ' ').strip() + ")");
                }
            }
        }
    }

    void reload() {
        driver.navigate().refresh();
    }
}
