package app.quizroom.browser;

import app.quizroom.scoring.Scoring;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The teacher's report in real Chromium: after a game, the projector's podium links to the report, which shows each
 * question's chart with the right answer marked and each student's answers, and downloads the CSV. With a teacher
 * password, the projector asks for it and the reports page lists every game.
 */
@Tag("browser")
class ReportBrowserTest {

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private final Projector projector = browser.projector();
    private final Phone ann = browser.phone(0);
    private final Phone bob = browser.phone(1);

    /** Two questions: Ann right at once both times; Bob wrong after 3 s, then wrong after 2 s. */
    private void playTwoQuestions() {
        browser.startedGame(TestBank.TITLE, 0, "Ann", "Bob");
        ann.choose("Paris");
        browser.time().advance(3000);
        bob.choose("Lyon");
        projector.awaitScreen("reveal");
        projector.next("Show leaderboard");
        projector.next("Next question");
        ann.awaitAnswering(2);
        bob.awaitAnswering(2);
        ann.chooseAll(List.of("2", "3", "11"));
        browser.time().advance(2000);
        bob.chooseAll(List.of("4"));
        projector.awaitScreen("reveal");
        projector.click(Page.onScreen("reveal", "end"));
        projector.click(Page.onScreen("reveal", "end"));
        projector.awaitScreen("podium");
        projector.next("Finish game");
        projector.awaitText(Page.onScreen("podium", "game-over"), "The game is over.");
    }

    @Test
    void theReportOfAFinishedGameShowsEachQuestionsChartAndDownloadsItsCsv() throws IOException {
        playTwoQuestions();
        int annScore = Scoring.classicPoints(1000, 1, 0, TestBank.LIMIT_MS) * 2 + Scoring.streakBonus(2);

        // The podium links to this game's report; the key that opens it is in this browser's storage.
        WebElement link = projector.driver.findElement(Page.onScreen("podium", "open-report"));
        String href = link.getDomAttribute("href");
        assertTrue(href.matches("/reports#game=\\d+"), href);
        String gameId = href.substring(href.indexOf('=') + 1);
        projector.driver.get(browser.baseUrl() + href);
        projector.awaitScreen("report");
        projector.awaitText(Page.testId("report-title"), TestBank.TITLE);
        assertEquals("Ended early after 2 of 4 questions: The teacher ended the game; the results go up to there.",
                projector.text(Page.testId("report-status")), "the teacher ended it at the second question's reveal");

        List<WebElement> cards = projector.driver.findElements(Page.testId("report-question"));
        assertEquals(2, cards.size());
        WebElement first = cards.get(0);
        assertEquals(List.of("A|Paris|1|true", "B|Lyon|1|false", "C|Marseille|0|false", "D|Nice|0|false"),
                first.findElements(Page.testId("report-bar")).stream().map(bar ->
                        bar.findElement(By.className("letter")).getText() + "|" + bar.findElement(By.className("row-text")).getText()
                                + "|" + bar.findElement(Page.testId("report-count")).getText() + "|" + bar.getDomAttribute("data-correct"))
                        .toList());
        assertEquals("✓ right", first.findElement(Page.testId("report-right")).getText(), "the right answer is marked in words");
        assertEquals("50%", first.findElement(Page.testId("percent-correct")).getText());
        assertEquals("1.5 s", first.findElement(Page.testId("average-time")).getText());
        String wrong = first.findElement(Page.testId("common-wrong")).getText();
        assertTrue(wrong.contains("“Lyon” (1 student)") && wrong.contains("Lyon is a big city, but the capital is Paris."), wrong);
        assertEquals(2, projector.driver.findElements(Page.testId("hardest")).size(), "both questions are among the hardest three");
        assertEquals(List.of("Ann|" + Page.number(annScore) + "|2 of 2", "Bob|0|0 of 2"),
                projector.driver.findElements(Page.testId("student-row")).stream().map(row ->
                        row.findElement(Page.testId("student-name")).getText() + "|" + row.findElement(Page.testId("student-score")).getText()
                                + "|" + row.findElement(Page.testId("student-right")).getText()).toList());
        Chrome.fullPageScreenshot(projector.driver, "report-1280", 1280, 720);

        // The CSV: fetched with the key in a header, saved through a Blob link.
        Path downloads = Files.createTempDirectory("quizroom-downloads");
        Chrome.downloadsTo(projector.driver, downloads);
        projector.click(Page.testId("download-csv"));
        Path csv = downloads.resolve("quizroom-game-" + gameId + ".csv");
        projector.waiting().withMessage("the CSV in " + downloads).until(d -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        projector.awaitText(Page.testId("download-status"), "Saved quizroom-game-" + gameId + ".csv.");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(List.of("\uFEFFnickname,team,question,prompt,answer,correct,points,response_ms",
                        "Ann,,1,Which city is the capital of France?,Paris,yes,1000,0",
                        "Ann,,2,Which of these numbers are prime? Choose all that apply.,2; 3; 11,yes,1100,0",
                        "Bob,,1,Which city is the capital of France?,Lyon,no,0,3000",
                        "Bob,,2,Which of these numbers are prime? Choose all that apply.,4,no,0,2000"),
                List.of(text.split("\r\n")), "a header row, then a row per player per question");

        // The list of past games, by the keys this browser kept.
        projector.click(Page.testId("back-to-list"));
        projector.awaitScreen("list");
        projector.awaitText(Page.testId("game-status"), t -> t.contains("Ended early"), "the game, ended early");
        assertEquals(List.of(TestBank.TITLE), projector.texts(Page.testId("game-bank")));
        Chrome.screenshot(projector.driver, "report-list-1280x720");
    }

    @Test
    void withATeacherPasswordTheProjectorAsksForItAndTheReportsListEveryGame() {
        try (TestServer locked = BrowserFixture.startServer(new ManualTime(), Map.of(
                "QUIZROOM_BANKS", TestBank.write().toString(), "QUIZROOM_TEACHER_PASSWORD", "s3cret"))) {
            Projector teacher = browser.projectorOn(locked);
            teacher.open().setUpGame(TestBank.TITLE, 0);
            teacher.type(Page.testId("teacher-password"), "wrong");
            teacher.click(Page.testId("create-game"));
            teacher.awaitText(Page.testId("setup-error"), "That teacher password is not right. Type it again.");
            teacher.screenshots("setup-password");
            teacher.type(Page.testId("teacher-password"), "s3cret");
            teacher.submitGame();

            // The password typed on the projector is kept for this tab's session: the reports page uses it.
            teacher.driver.get(teacher.baseUrl + "/reports");
            teacher.awaitScreen("list");
            teacher.awaitText(Page.testId("list-source"), "Every game on this server.");
            teacher.awaitText(Page.testId("game-status"), t -> t.contains("Not started"), "the game, not started yet");

            // A browser that holds neither the key nor the password sees nothing until the password is typed.
            teacher.js("localStorage.clear(); sessionStorage.clear();");
            teacher.reload();
            teacher.awaitText(Page.testId("no-games"), t -> t.startsWith("No games from this browser"), "no games");
            teacher.type(Page.testId("report-password"), "s3cret");
            teacher.click(Page.testId("report-password-submit"));
            teacher.awaitText(Page.testId("game-bank"), TestBank.TITLE);
            teacher.js("sessionStorage.clear()");
        }
    }
}
