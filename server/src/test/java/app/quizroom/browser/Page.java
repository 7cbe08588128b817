package app.quizroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** What the projector and phone pages share: waiting for a screen, reading text by test id, clicking. */
abstract class Page {

    static final Duration WAIT = Duration.ofSeconds(10);

    final ChromeDriver driver;
    final String baseUrl;

    Page(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
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

    void reload() {
        driver.navigate().refresh();
    }
}
