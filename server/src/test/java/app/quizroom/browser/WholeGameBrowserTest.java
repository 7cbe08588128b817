package app.quizroom.browser;

import app.quizroom.config.Limits;
import app.quizroom.scoring.Scoring;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A projector and three phones play a four-question game (single, multi, order, numeric) in real Chromium. The
 * server's clock is the test's, so every response time, and so every score, is known: the expected scores come
 * from the scoring rules, and each page must show them.
 */
@Tag("browser")
class WholeGameBrowserTest {

    private static final int READING_SECONDS = 2;

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.withTestBank();

    private final Projector projector = browser.projector();
    private final List<Phone> phones = browser.phones();
    private final Map<String, Expected> expected = new LinkedHashMap<>();

    /** One player's score by the rules: classic points for the measured time, plus the streak bonus. */
    private static final class Expected {
        int score;
        int streak;
        int gained;

        void answer(double credit, long responseMs) {
            boolean full = credit >= 1;
            streak = full ? streak + 1 : 0;
            gained = Scoring.classicPoints(1000, credit, responseMs, TestBank.LIMIT_MS)
                    + (full ? Scoring.streakBonus(streak) : 0);
            score += gained;
        }
    }

    private static String ordinal(int rank) {
        return rank + (rank % 100 >= 11 && rank % 100 <= 13 ? "th" : switch (rank % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    /** Names ranked by expected score (the test avoids ties). */
    private List<String> ranking() {
        return expected.entrySet().stream().sorted((a, b) -> b.getValue().score - a.getValue().score)
                .map(Map.Entry::getKey).toList();
    }

    /** What a phone's result screen must say: verdict|points|total|rank|ahead. */
    private String resultLine(String name, String verdict) {
        List<String> order = ranking();
        int rank = order.indexOf(name) + 1;
        Expected me = expected.get(name);
        String ahead = rank == 1 ? "You are in the lead"
                : Page.number(expected.get(order.get(rank - 2)).score - me.score) + " points behind " + order.get(rank - 2);
        return verdict + "|+" + Page.number(me.gained) + " points|" + Page.number(me.score) + " points|" + ordinal(rank) + " of 3|" + ahead;
    }

    /** The projector's leaderboard: rank|name|+gained|score. */
    private List<String> leaderboardLines() {
        List<String> order = ranking();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Expected e = expected.get(order.get(i));
            lines.add((i + 1) + "|" + order.get(i) + "|+" + Page.number(e.gained) + "|" + Page.number(e.score));
        }
        return lines;
    }

    /** The projector moves on to the leaderboard, which must rank and score as {@link #expected} does. */
    private void leaderboardShowsTheExpectedScores() {
        projector.next("Show leaderboard");
        projector.awaitScreen("leaderboard");
        assertEquals(leaderboardLines(), projector.leaderboard());
    }

    private void openAnswers(int number) {
        projector.awaitQuestion(number);
        browser.time().advance(READING_SECONDS * 1000L);
        projector.awaitText(Page.onScreen("question", "countdown"), t -> !t.isEmpty(), "a countdown");
        phones.forEach(p -> p.awaitAnswering(number));
    }

    @Test
    void threePhonesPlayAWholeGameAndEveryPageShowsTheServersScores() {
        String pin = projector.open().createGame(TestBank.TITLE, READING_SECONDS);
        assertTrue(projector.text(Page.onScreen("lobby", "join-url")).endsWith("/join/" + pin));

        // One phone types the PIN; two come by the QR code's link, which fills it in.
        phones.get(0).open(null).join(pin, "Ann");
        phones.get(1).open(pin).join(pin, "Bob");
        phones.get(2).open(pin).join(pin, "Cy");
        List<String> names = List.of("Ann", "Bob", "Cy");
        names.forEach(name -> expected.put(name, new Expected()));
        projector.awaitPlayers(3);
        assertEquals(names, projector.playerNames());
        assertEquals("Bob", phones.get(1).myName());

        // Question 1, single choice: Ann right at once, Bob right after 4 s, Cy wrong after 8 s.
        projector.start();
        projector.awaitText(Page.onScreen("question", "prompt"), "Which city is the capital of France?");
        phones.forEach(p -> p.awaitText(Page.onScreen("question", "get-ready"), t -> t.startsWith("Get ready"), "get ready"));
        openAnswers(1);
        assertEquals(4, projector.texts(Page.onScreen("question", "tile")).size());
        phones.get(0).choose("Paris");
        expected.get("Ann").answer(1, 0);
        browser.time().advance(4000);
        phones.get(1).choose("Paris");
        expected.get("Bob").answer(1, 4000);
        browser.time().advance(4000); // also runs the server's coalesced answer-count flush
        projector.awaitText(Page.onScreen("question", "answer-count"), "2 of 3 answered");
        phones.get(2).choose("Lyon");
        expected.get("Cy").answer(0, 8000);

        projector.awaitScreen("reveal");
        assertEquals(List.of("A", "B", "C", "D"), projector.driver.findElements(Page.onScreen("reveal", "chart-row")).stream()
                .map(r -> r.findElement(By.className("letter")).getText()).toList());
        assertEquals(1, projector.rightRows().size());
        assertTrue(projector.rightRows().get(0).contains("Paris"), projector.rightRows().toString());
        assertEquals(List.of("2", "1", "0", "0"), projector.texts(Page.onScreen("reveal", "count")));
        assertEquals("Paris is the capital of France.", projector.text(Page.onScreen("reveal", "explanation")));
        assertEquals(resultLine("Ann", "Correct"), phones.get(0).awaitResult());
        assertEquals(resultLine("Bob", "Correct"), phones.get(1).awaitResult());
        assertEquals(resultLine("Cy", "Wrong"), phones.get(2).awaitResult());
        assertEquals("Lyon is a big city, but the capital is Paris.", phones.get(2).text(Page.onScreen("result", "option-explanation")));
        leaderboardShowsTheExpectedScores();

        // Question 2, multiple select: Ann all right, Bob all wrong, Cy all right 2 s later (and overtakes Bob).
        projector.next("Next question");
        projector.awaitScreen("question");
        openAnswers(2);
        phones.get(0).chooseAll(List.of("2", "3", "11"));
        expected.get("Ann").answer(1, 0);
        browser.time().advance(2000);
        phones.get(1).chooseAll(List.of("4", "9"));
        expected.get("Bob").answer(0, 2000);
        phones.get(2).chooseAll(List.of("2", "3", "11"));
        expected.get("Cy").answer(1, 2000);
        projector.awaitScreen("reveal");
        projector.screenshots("reveal-five-options");
        assertEquals(3, projector.rightRows().size());
        assertEquals(resultLine("Ann", "Correct"), phones.get(0).awaitResult());
        assertEquals("Streak: 2 right in a row", phones.get(0).text(Page.onScreen("result", "streak")));
        assertEquals(resultLine("Bob", "Wrong"), phones.get(1).awaitResult());
        assertEquals(resultLine("Cy", "Correct"), phones.get(2).awaitResult());
        leaderboardShowsTheExpectedScores();
        assertEquals(List.of("", "▲ 1 place up", "▼ 1 place down"), projector.climbs(), "Cy climbed past Bob");

        // Question 3, ordering: Ann right at once, Bob swaps the first two after 5 s, Cy right after 10 s.
        projector.next("Next question");
        openAnswers(3);
        List<String> planets = List.of("Mercury", "Venus", "Earth", "Mars");
        phones.get(0).order(planets);
        expected.get("Ann").answer(1, 0);
        browser.time().advance(5000);
        phones.get(1).order(List.of("Venus", "Mercury", "Earth", "Mars"));
        expected.get("Bob").answer(Scoring.orderCredit(List.of(1, 0, 2, 3)), 5000);
        browser.time().advance(5000);
        phones.get(2).order(planets);
        expected.get("Cy").answer(1, 10_000);
        projector.awaitScreen("reveal");
        List<String> rows = projector.chartRows();
        for (int i = 0; i < planets.size(); i++) {
            assertTrue(rows.get(i).startsWith((i + 1) + "."), rows.toString());
            assertTrue(rows.get(i).contains(planets.get(i)), rows.toString());
        }
        assertEquals(List.of("2", "2", "3", "3"), projector.texts(Page.onScreen("reveal", "count")).stream()
                .map(t -> t.split("\\s")[0]).toList());
        assertEquals(resultLine("Ann", "Correct"), phones.get(0).awaitResult());
        assertEquals(resultLine("Bob", "Partly right"), phones.get(1).awaitResult());
        assertEquals(resultLine("Cy", "Correct"), phones.get(2).awaitResult());
        leaderboardShowsTheExpectedScores();

        // Question 4, numeric: Ann one year off, Bob right after 3 s, Cy right after 6 s.
        projector.next("Next question");
        openAnswers(4);
        phones.get(0).type("1990");
        expected.get("Ann").answer(0, 0);
        browser.time().advance(3000);
        phones.get(1).type("1989");
        expected.get("Bob").answer(1, 3000);
        browser.time().advance(3000);
        phones.get(2).type("1989");
        expected.get("Cy").answer(1, 6000);
        projector.awaitScreen("reveal");
        assertEquals("Answer: 1989", projector.text(Page.onScreen("reveal", "numeric-answer")));
        assertEquals(List.of("2", "1"), projector.texts(Page.onScreen("reveal", "count")));
        assertEquals(1, projector.rightRows().size());
        assertTrue(projector.rightRows().get(0).contains("1989"));
        assertEquals(resultLine("Ann", "Wrong"), phones.get(0).awaitResult());
        assertEquals(resultLine("Bob", "Correct"), phones.get(1).awaitResult());
        assertEquals(resultLine("Cy", "Correct"), phones.get(2).awaitResult());
        leaderboardShowsTheExpectedScores();

        // The podium, then each phone's final standing, then the end.
        projector.next("Show podium");
        projector.awaitScreen("podium");
        List<String> order = ranking();
        assertEquals(List.of("Ann", "Cy", "Bob"), order);
        List<String> finalLines = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            finalLines.add((i + 1) + "|" + order.get(i) + "|" + Page.number(expected.get(order.get(i)).score));
        }
        assertEquals(finalLines, projector.finalRanking());
        assertEquals(order, projector.podiumNames());
        browser.time().advance(Limits.PODIUM_REVEAL_MS); // the server's side of the podium's reveal
        for (int i = 0; i < 3; i++) {
            String name = names.get(i);
            assertEquals(ordinal(order.indexOf(name) + 1) + "|with " + Page.number(expected.get(name).score) + " points",
                    phones.get(i).awaitFinal());
        }
        projector.next("Finish game");
        projector.awaitText(Page.onScreen("podium", "game-over"), "The game is over.");
        phones.forEach(p -> p.awaitText(Page.onScreen("final", "final-rank"), t -> !t.isEmpty(), "the final rank"));
        phones.forEach(p -> assertTrue(p.fitsWidth(), "no horizontal scroll on a 360 px phone"));

        // The server's Content-Security-Policy let every page load all it uses (scripts, styles, the bars' widths,
        // the QR code, the icon, the WebSocket): Chromium logs each refusal as an error.
        for (Page page : List.of(projector, phones.get(0), phones.get(1), phones.get(2))) {
            assertEquals(List.of(), page.driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .getAll().stream().map(org.openqa.selenium.logging.LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy")).toList());
        }
    }
}
