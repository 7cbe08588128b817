package app.quizroom.browser;

import app.quizroom.support.HostedGame;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a 13-question game in real Chromium, on the server's own computer: a game the teacher ended after
 * two questions says so, the students under half of the marks are listed with the questions most of them missed,
 * and the students' table fits 1280 px without scrolling sideways. The games are played over WebSockets, not from
 * this browser: the reports page there lists every game on the server.
 */
@Tag("browser")
class ReportHelpBrowserTest {

    private static final int QUESTIONS = 13;
    private static final String TITLE = "Thirteen questions";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withBank("thirteen.yaml", bank(), Map.of());

    private final Projector teacher = browser.projector();
    private final List<WsClient> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(WsClient::close);
    }

    /** Thirteen single-choice questions whose right answer is listed (and, unshuffled, shown) first. */
    private static String bank() {
        return "id: thirteen\ntitle: " + TITLE + "\ntimeLimit: 20\nquestions:\n" + IntStream.range(0, QUESTIONS)
                .mapToObj(i -> "  - id: q" + (i + 1) + "\n    type: single\n"
                        + "    prompt: \"Question " + (i + 1) + ": which of these statements about the period is right?\"\n"
                        + "    options: [\"Right " + (i + 1) + "\", \"Wrong A" + (i + 1) + "\", \"Wrong B" + (i + 1)
                        + "\", \"Wrong C" + (i + 1) + "\"]\n    answer: \"Right " + (i + 1) + "\"\n")
                .collect(Collectors.joining());
    }

    /**
     * Plays {@code played} questions of a new game; {@code right} says whether player p answers question q right
     * (the right option is the first). Returns the game, on the leaderboard of its last question played.
     */
    private HostedGame play(List<String> names, int played, BiPredicate<Integer, Integer> right) {
        HostedGame game = HostedGame.create(browser.server(), new JsonObject().put("bankId", "thirteen")
                .put("readingSeconds", 0).put("shuffleOptions", false));
        sockets.add(game.host());
        List<WsClient> players = game.joinAll(names.toArray(String[]::new));
        sockets.addAll(players);
        game.command("start");
        for (int q = 0; q < played; q++) {
            if (q > 0) {
                game.command("next");
            }
            game.openQuestion(browser.time(), players.toArray(WsClient[]::new));
            for (int p = 0; p < players.size(); p++) {
                players.get(p).send(new JsonObject().put("type", "answer").put("question", q)
                        .put("option", right.test(p, q) ? 0 : 1 + (p + q) % 3));
                players.get(p).await("answerAck");
            }
            game.host().await("reveal");
            game.command("next");
            game.host().await("leaderboard");
        }
        return game;
    }

    private void openReport(long gameId) {
        teacher.driver.get(teacher.baseUrl + "/reports#game=" + gameId);
        teacher.awaitScreen("report");
        teacher.awaitText(Page.testId("report-title"), TITLE);
    }

    @Test
    void aGameEndedAfterTwoQuestionsSaysSoAndTheListHoldsEveryGameOnThisComputer() {
        HostedGame played = play(List.of("Ann"), QUESTIONS, (p, q) -> true);
        played.command("next");
        played.host().await("podium");
        HostedGame ended = play(List.of("Ann", "Bob"), 2, (p, q) -> p == 0);
        ended.command("end");
        ended.host().await("podium");

        teacher.resize(1280, 720);
        teacher.driver.get(teacher.baseUrl + "/reports");
        teacher.awaitScreen("list");
        teacher.awaitText(Page.testId("list-source"), "Every game on this server.");
        teacher.waiting().until(d -> teacher.texts(Page.testId("game-status")).size() == 2);
        assertEquals(List.of("■ Ended early", "✓ Finished"), teacher.texts(Page.testId("game-status")),
                "newest first; neither was created in this browser");

        openReport(ended.gameId());
        assertEquals("Ended early after 2 of 13 questions: The teacher ended the game; the results go up to there.",
                teacher.text(Page.testId("report-status")));
        assertTrue(teacher.text(Page.testId("report-meta")).contains("2 of 13 questions played"));
        teacher.assertAccessible("the report of a game ended early");
        Chrome.screenshot(teacher.driver, "report-ended-early-1280x720");

        openReport(played.gameId());
        assertEquals("Finished: The game reached its end.", teacher.text(Page.testId("report-status")));
        assertEquals("Every student scored at least half of the marks.", teacher.text(Page.testId("needs-help-none")));
    }

    @Test
    void theStudentsWhoNeedHelpAreListedAndTheTableFitsALaptopScreen() {
        // Ann: all right. Bob: the first four. Cy: none. Dee: all but four. Eve: every other one (6 of 13).
        List<String> names = List.of("Ann", "Bob", "Cy", "Dee", "Eve");
        HostedGame game = play(names, QUESTIONS, (p, q) -> switch (p) {
            case 0 -> true;
            case 1 -> q < 4;
            case 2 -> false;
            case 3 -> q >= 4;
            default -> q % 2 == 1;
        });
        game.command("next");
        game.host().await("podium");

        teacher.resize(1280, 720);
        openReport(game.gameId());
        assertEquals(List.of("Cy: 0% of the marks, 0 of 13 right", "Bob: 31% of the marks, 4 of 13 right",
                "Eve: 46% of the marks, 6 of 13 right"), teacher.texts(Page.testId("needs-help-student")));
        List<String> missed = teacher.texts(Page.testId("needs-help-question"));
        assertEquals(5, missed.size(), "the five most missed are shown: " + missed);
        assertTrue(missed.get(0).startsWith("Question 5 (missed by 3 of 3): Question 5: which"), missed.get(0));
        assertTrue(teacher.text(Page.testId("needs-help-more")).startsWith("and 6 more questions missed by most of them"));

        // A mark per question: the table fits 1280 px, each row a line, the answer in the tooltip.
        WebElement table = teacher.driver.findElement(Page.testId("students"));
        WebElement box = teacher.driver.findElement(By.className("table-scroll"));
        assertTrue((Boolean) teacher.js("return arguments[0].scrollWidth <= arguments[0].clientWidth", box),
                "no sideways scrolling: " + teacher.js("return [arguments[0].scrollWidth, arguments[0].clientWidth]", box));
        assertTrue(teacher.fitsWidth(), "nor of the page");
        List<WebElement> rows = teacher.driver.findElements(Page.testId("student-row"));
        assertEquals(names.size(), rows.size());
        for (WebElement row : rows) {
            assertTrue(row.getRect().getHeight() < 70, "a compact row: " + row.getRect().getHeight() + " px");
        }
        WebElement bob = rows.stream().filter(r -> r.findElement(Page.testId("student-name")).getText().equals("Bob"))
                .findFirst().orElseThrow();
        List<WebElement> cells = bob.findElements(Page.testId("student-answer"));
        assertEquals(QUESTIONS, cells.size());
        assertEquals("✓", cells.get(0).findElement(By.className("answer-mark")).getText());
        assertEquals("Q1, right: Right 1 · 1,000 pts · 0.0 s", cells.get(0).getDomAttribute("title"));
        assertTrue(cells.get(4).getDomAttribute("title").startsWith("Q5, wrong: Wrong "), cells.get(4).getDomAttribute("title"));
        assertEquals("bdi", bob.findElement(Page.testId("student-name")).getTagName(), "names are isolated");
        Chrome.fullPageScreenshot(teacher.driver, "report-students-1280", 1280, 720);

        // The name opens every answer in words, by keyboard too.
        WebElement toggle = bob.findElement(Page.testId("student-toggle"));
        assertEquals("false", toggle.getDomAttribute("aria-expanded"));
        toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
        teacher.waiting().until(d -> "true".equals(toggle.getDomAttribute("aria-expanded")));
        WebElement detail = teacher.driver.findElement(By.id(toggle.getDomAttribute("aria-controls")));
        assertTrue(detail.isDisplayed());
        List<WebElement> answers = detail.findElements(By.tagName("li"));
        assertEquals(QUESTIONS, answers.size());
        assertTrue(answers.get(4).getText().contains("Q5, wrong: Wrong "), answers.get(4).getText());
        assertTrue(teacher.fitsWidth(), "the opened answers fit too");
        teacher.assertAccessible("the report with a student's answers open");
        Chrome.screenshot(teacher.driver, "report-student-open-1280x720");
    }
}
