package app.quizroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** A student's page at / or /join/PIN, in a 360×640 mobile viewport. */
final class Phone extends Page {

    Phone(ChromeDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Opens the page by the QR code's link (PIN filled in) or, with a null PIN, the plain page. */
    Phone open(String pin) {
        driver.get(baseUrl + (pin == null ? "/" : "/join/" + pin));
        awaitScreen("join");
        return this;
    }

    /** Types the PIN (unless the link filled it in) and the nickname, without sending. */
    Phone fill(String pin, String name) {
        WebElement pinField = driver.findElement(testId("join-pin"));
        if (!pin.equals(pinField.getDomProperty("value"))) {
            pinField.clear();
            pinField.sendKeys(pin);
        }
        WebElement nameField = driver.findElement(testId("join-name"));
        nameField.clear();
        nameField.sendKeys(name);
        return this;
    }

    void submitJoin() {
        click(testId("join-submit"));
    }

    Phone join(String pin, String name) {
        fill(pin, name);
        submitJoin();
        awaitScreen("lobby");
        return this;
    }

    /** Sends the join form of a game where players pick, and waits for the team choice. */
    Phone joinToTeamChoice(String pin, String name) {
        fill(pin, name);
        submitJoin();
        awaitScreen("team");
        return this;
    }

    /** The team buttons of the team choice as "name|size text|enabled" lines. */
    List<String> teamChoices() {
        return driver.findElements(onScreen("team", "team-choice")).stream()
                .map(b -> b.findElement(By.className("team-button-name")).getText() + "|"
                        + b.findElement(By.className("team-button-size")).getText() + "|" + b.isEnabled())
                .toList();
    }

    /** Taps a team on the team choice and waits for the lobby. */
    void pickTeam(String teamName) {
        for (WebElement b : driver.findElements(onScreen("team", "team-choice"))) {
            if (b.getText().contains(teamName)) {
                b.click();
                awaitScreen("lobby");
                return;
            }
        }
        throw new AssertionError("no team " + teamName + " among " + teamChoices());
    }

    /** Taps "switch to" this team in the lobby. */
    void switchTeam(String teamName) {
        for (WebElement b : driver.findElements(onScreen("lobby", "switch-team"))) {
            if (b.getText().contains(teamName)) {
                b.click();
                return;
            }
        }
        throw new AssertionError("no team " + teamName + " to switch to");
    }

    /** The team shown in the top bar (on every screen), or "" in an individual game. */
    String myTeam() {
        WebElement chip = driver.findElement(testId("my-team"));
        return chip.isDisplayed() ? chip.getText() : "";
    }

    /** Waits until the top bar shows this team. */
    void awaitTeam(String teamName) {
        awaitText(testId("my-team"), teamName);
    }

    /** The colour the top bar's team swatch is painted in, as CSS reports it. */
    String teamSwatchColour() {
        return (String) js("return getComputedStyle(document.querySelector('#my-team .swatch')).backgroundColor");
    }

    String myName() {
        return text(onScreen("lobby", "my-name"));
    }

    /** Waits for answers to open on question {@code number} (1-based). */
    void awaitAnswering(int number) {
        awaitScreen("question");
        awaitText(onScreen("question", "phone-question-number"), t -> t.startsWith("Question " + number + " "),
                "question " + number);
        waiting().withMessage("the answer area of question " + number)
                .until(d -> d.findElement(onScreen("question", "answer-area")).isDisplayed()
                        && d.findElements(By.cssSelector("[data-testid=\"answer-area\"] button:not([disabled])")).size() > 0);
    }

    private WebElement optionWithText(String testId, String text) {
        for (WebElement e : driver.findElements(onScreen("question", testId))) {
            if (e.getText().contains(text)) {
                return e;
            }
        }
        throw new AssertionError("no option '" + text + "' among " + texts(onScreen("question", testId)));
    }

    /** Taps the tile showing this text (single, true/false, poll) and waits for "Answer sent". */
    void choose(String text) {
        optionWithText("choice", text).click();
        awaitSent();
    }

    /** Toggles these tiles (multi) and sends. */
    void chooseAll(List<String> texts) {
        for (String t : texts) {
            optionWithText("choice", t).click();
        }
        click(onScreen("question", "submit-answer"));
        awaitSent();
    }

    /** Taps the items in this order (order) and sends. */
    void order(List<String> texts) {
        for (String t : texts) {
            optionWithText("order-item", t).click();
        }
        click(onScreen("question", "submit-answer"));
        awaitSent();
    }

    void type(String number) {
        WebElement input = driver.findElement(onScreen("question", "numeric-input"));
        input.clear();
        input.sendKeys(number);
        click(onScreen("question", "submit-answer"));
        awaitSent();
    }

    /** Taps the i-th tile or item (0-based) without sending anything else. */
    void tap(String testId, int i) {
        driver.findElements(onScreen("question", testId)).get(i).click();
    }

    void submit() {
        click(onScreen("question", "submit-answer"));
    }

    /** The seat token this page keeps for reloads, or null. */
    String storedSeatToken() {
        return (String) js("const s = JSON.parse(localStorage.getItem('quizroom.seat') || 'null'); return s && s.seatToken;");
    }

    /** Waits for "Answer sent", or for the result when this answer was the last one and closed the question. */
    void awaitSent() {
        waiting().withMessage(() -> "'Answer sent' or the result; the page shows " + screen()).until(d -> {
            if ("result".equals(screen())) {
                return true;
            }
            List<WebElement> sent = d.findElements(onScreen("question", "answer-sent"));
            return !sent.isEmpty() && sent.get(0).isDisplayed() && sent.get(0).getText().contains("Answer sent");
        });
    }

    /** Waits for the result of a question and returns "verdict|points|total|rank|ahead". */
    String awaitResult() {
        awaitScreen("result");
        return text(onScreen("result", "verdict")) + "|" + text(onScreen("result", "result-points")) + "|"
                + text(onScreen("result", "total")) + "|" + text(onScreen("result", "rank")) + "|"
                + text(onScreen("result", "ahead"));
    }

    /** "rank|score" of the final screen. */
    String awaitFinal() {
        awaitScreen("final");
        return text(onScreen("final", "final-rank")) + "|" + text(onScreen("final", "final-score"));
    }

    /** True when the page has no horizontal scroll. */
    boolean fitsWidth() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    void screenshot(String name) {
        Chrome.screenshot(driver, "phone-" + name + "-360x640");
    }
}
