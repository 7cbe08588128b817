package app.quizroom.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** The teacher's page at /host. */
final class Projector extends Page {

    Projector(ChromeDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    Projector open() {
        driver.get(baseUrl + "/host");
        return this;
    }

    /** Creates a game from the start screen with the bank titled {@code bankTitle}; returns the lobby's PIN. */
    String createGame(String bankTitle, int readingSeconds) {
        setUpGame(bankTitle, readingSeconds);
        return submitGame();
    }

    /** Picks the bank and the reading time on the start screen, without creating the game yet. */
    void setUpGame(String bankTitle, int readingSeconds) {
        awaitScreen("setup");
        waiting().until(d -> !d.findElements(testId("bank")).isEmpty());
        for (WebElement bank : driver.findElements(testId("bank"))) {
            if (bank.getText().contains(bankTitle)) {
                bank.click();
            }
        }
        WebElement reading = driver.findElement(By.id("opt-reading"));
        reading.clear();
        reading.sendKeys(String.valueOf(readingSeconds));
        // Answers are shuffled unless the teacher unticks it; these tests follow the bank's order of tiles.
        WebElement shuffle = driver.findElement(By.id("opt-shuffle-options"));
        if (!shuffle.isSelected()) {
            throw new AssertionError("'Shuffle answers' must be ticked on a new setup screen");
        }
        shuffle.click();
    }

    /** Chooses team play on the start screen: a number of teams, who picks, a cap (or null) and team talk. */
    void teams(int count, boolean playersPick, Integer cap, int talkSeconds) {
        driver.findElement(By.id("opt-teams")).click();
        new Select(driver.findElement(testId("team-count"))).selectByValue(String.valueOf(count));
        new Select(driver.findElement(testId("team-pick"))).selectByValue(playersPick ? "pick" : "auto");
        if (cap != null) {
            type(testId("team-cap"), String.valueOf(cap));
        }
        type(testId("team-talk"), String.valueOf(talkSeconds));
    }

    /** Types the expected class size on the start screen. */
    void classSize(int players) {
        type(testId("class-size"), String.valueOf(players));
    }

    void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Presses "Create game" and waits for the lobby; returns its PIN. */
    String submitGame() {
        click(testId("create-game"));
        awaitScreen("lobby");
        return awaitText(onScreen("lobby", "pin"), t -> t.matches("\\d{6}"), "a 6-digit PIN");
    }

    /** The lobby's team columns as "Team name: member, member" lines. */
    List<String> teamColumns() {
        return driver.findElements(onScreen("lobby", "team-column")).stream().map(col ->
                col.findElement(testId("team-name")).getText() + ": " + String.join(", ",
                        col.findElements(testId("player-name")).stream().map(WebElement::getText).toList()))
                .toList();
    }

    /** Waits until the lobby's team columns read exactly these lines. */
    void awaitTeamColumns(List<String> expected) {
        awaitLines("team columns", this::teamColumns, expected);
    }

    /** Waits until {@code read} gives exactly these lines, reading again when the page re-renders meanwhile. */
    private void awaitLines(String what, Supplier<List<String>> read, List<String> expected) {
        waiting().withMessage(() -> what + " " + expected + ", but they show " + read.get())
                .until(d -> {
                    try {
                        return expected.equals(read.get());
                    } catch (StaleElementReferenceException stale) {
                        return false;
                    }
                });
    }

    /** The lobby's name button of this player. */
    WebElement playerButton(String name) {
        return driver.findElements(onScreen("lobby", "player")).stream()
                .filter(e -> e.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no player " + name + " in " + playerNames()))
                .findElement(By.className("name-button"));
    }

    /** Team standings of the leaderboard as "rank|name|gained|score" lines. */
    List<String> teamLeaderboard() {
        return standings("team-standing", "team-standing-name");
    }

    /** The podium's team ranking as "rank|name|score|top contributor" lines, once the podium shows it. */
    List<String> teamPodium() {
        awaitPodiumRevealed();
        return driver.findElements(onScreen("podium", "team-final")).stream().map(row ->
                row.findElement(By.className("rank")).getText() + "|" + row.findElement(testId("team-final-name")).getText()
                        + "|" + row.findElement(testId("team-final-score")).getText() + "|"
                        + row.findElement(testId("top-contributor")).getText())
                .toList();
    }

    List<String> playerNames() {
        return texts(onScreen("lobby", "player-name"));
    }

    /** The lobby's one-click remove button (✕) of this player. */
    WebElement kickButton(String name) {
        return driver.findElements(onScreen("lobby", "player")).stream()
                .filter(e -> e.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no player " + name + " in " + playerNames()))
                .findElement(testId("kick"));
    }

    /** The names listed as removed in the lobby, to be let back in. */
    List<String> kickedNames() {
        return driver.findElements(onScreen("lobby", "kicked-name")).stream()
                .map(e -> e.getDomProperty("textContent")).toList();
    }

    /** Waits until the lobby lists exactly these names as removed. */
    void awaitKicked(List<String> expected) {
        awaitLines("removed players", this::kickedNames, expected);
    }

    void awaitPlayers(int count) {
        awaitText(onScreen("lobby", "player-count"), String.valueOf(count));
    }

    void start() {
        click(onScreen("lobby", "start"));
        awaitScreen("question");
    }

    /** Presses the current screen's main button (next, open answers, leaderboard, podium, finish). */
    void next(String expectedLabel) {
        By next = testId("next"); // only the shown screen's button is displayed
        awaitText(next, expectedLabel);
        click(next);
    }

    /** Waits until the projector shows question {@code number} (1-based), so the server has begun it. */
    void awaitQuestion(int number) {
        awaitScreen("question");
        awaitText(onScreen("question", "question-number"), t -> t.startsWith("Question " + number + " "), "question " + number);
    }

    String answerCount() {
        return text(onScreen("question", "answer-count"));
    }

    /** Rows of the reveal chart as their visible text. */
    List<String> chartRows() {
        return texts(onScreen("reveal", "chart-row"));
    }

    /** Texts of the chart rows marked right. */
    List<String> rightRows() {
        return driver.findElements(By.cssSelector("[data-testid=\"screen-reveal\"] [data-correct=\"true\"]"))
                .stream().map(WebElement::getText).toList();
    }

    /** The leaderboard as "rank|name|gained|score" lines. */
    List<String> leaderboard() {
        return standings("standing", "standing-name");
    }

    /** Rows of the leaderboard with this test id as "rank|name|gained|score" lines. */
    private List<String> standings(String rowId, String nameId) {
        return driver.findElements(onScreen("leaderboard", rowId)).stream().map(row ->
                row.findElement(testId("rank")).getText() + "|" + row.findElement(testId(nameId)).getText()
                        + "|" + row.findElement(testId("gained")).getText() + "|" + row.findElement(testId("score")).getText())
                .toList();
    }

    /** Each leaderboard row's climb, as a screen reader reads it ("▲ 1 place up"), or "" for no change. */
    List<String> climbs() {
        return driver.findElements(onScreen("leaderboard", "standing")).stream()
                .map(row -> row.findElements(testId("climb")).stream().findFirst()
                        .map(c -> c.getDomProperty("textContent")).orElse(""))
                .toList();
    }

    /**
     * Waits until the podium has revealed its three places and shows the final ranking beside them (the reveal runs
     * on the browser's own clock, {@code PODIUM_REVEAL_MS} long).
     */
    void awaitPodiumRevealed() {
        waiting().withMessage("the podium's final ranking")
                .until(d -> d.findElement(onScreen("podium", "ranking-box")).isDisplayed());
    }

    /** The names on the podium steps, first place first (read from the DOM: the steps may still be rising). */
    List<String> podiumNames() {
        return driver.findElements(onScreen("podium", "podium-step")).stream()
                .sorted(Comparator.comparing(step -> step.getDomAttribute("data-rank")))
                .map(step -> step.findElement(testId("podium-name")).getDomProperty("textContent"))
                .toList();
    }

    /** The final ranking as "rank|name|score" lines, once the podium shows it. */
    List<String> finalRanking() {
        awaitPodiumRevealed();
        return driver.findElements(onScreen("podium", "final-standing")).stream().map(row ->
                row.findElement(By.className("rank")).getText() + "|" + row.findElement(testId("final-name")).getText()
                        + "|" + row.findElement(testId("final-score")).getText())
                .toList();
    }

    /** Screenshots at 1280×720 and 1920×1080, then back to 1280×720. */
    void screenshots(String name) {
        resize(1920, 1080);
        Chrome.screenshot(driver, "projector-" + name + "-1920x1080");
        resize(1280, 720);
        Chrome.screenshot(driver, "projector-" + name + "-1280x720");
    }

    /** Sets the viewport and waits until the page has laid itself out again (its resize handlers run before a frame). */
    void resize(int width, int height) {
        Chrome.viewport(driver, width, height);
        waiting().until(d -> Long.valueOf(width).equals(js("return window.innerWidth")));
        driver.executeAsyncScript("const done = arguments[0];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()))");
    }

    /** The smallest font size, in px, of any visible text on the page. */
    double smallestText() {
        return ((Number) js("""
                let min = 1000;
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const el = n.parentElement;
                  if (!n.textContent.trim() || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
                  min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
                }
                return min;""")).doubleValue();
    }

    /** True when the page needs no scrolling sideways at the current size. */
    boolean fitsWidth() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** True when the screen needs no scrolling at the current size. */
    boolean fitsScreen() {
        return (Boolean) js("const e = document.documentElement;"
                + " return e.scrollHeight <= window.innerHeight && e.scrollWidth <= window.innerWidth");
    }
}
