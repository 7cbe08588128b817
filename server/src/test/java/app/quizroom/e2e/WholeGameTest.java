package app.quizroom.e2e;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import app.quizroom.config.Limits;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For each bundled bank, a host and three players play the whole bank over real WebSockets, with the server's clock in the test's
 * hands. Every score, streak, rank and the podium must equal what the documented rules give for the answer times
 * the test chose; and no frame to a player carries a solution before its reveal.
 */
class WholeGameTest {

    private static final int READING_MS = 3_000;

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);

    /** What the test expects of one player, computed here from the README's rules, not by the server's code. */
    private static final class Expected {
        final String name;
        final int joinOrder;
        int score;
        int streak;
        int correct;
        long correctTime;

        Expected(String name, int joinOrder) {
            this.name = name;
            this.joinOrder = joinOrder;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lenins-testament", "lenin-enrolment", "defeat-of-the-right", "stalins-power-base",
            "lenins-funeral-and-trotsky", "troika-and-the-left", "why-stalin-won"})
    void threePlayersPlayABundledBankToThePodiumAndScoresFollowTheRules(String bankId) {
        Bank bank = server.bank(bankId);
        HostedGame game = HostedGame.create(server,
                new JsonObject().put("bankId", bankId).put("readingSeconds", READING_MS / 1000));
        assertEquals(game.pin, game.hosting().getString("pin"));
        WsClient host = game.host();

        String[] names = {"Ana", "Ben", "Cy"};
        List<WsClient> players = game.joinAll(names);
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            JsonObject joined = game.joined(players.get(i));
            assertEquals(names[i], joined.getString("name"));
            assertEquals("lobby", joined.getString("phase"));
            expected.put(names[i], new Expected(names[i], i));
        }

        game.command("start");
        for (int qi = 0; qi < bank.questions().size(); qi++) {
            Question q = bank.questions().get(qi);
            List<List<String>> shown = new ArrayList<>();
            for (WsClient p : players) {
                JsonObject question = p.await("question");
                assertEquals(qi, question.getInteger("index"));
                assertEquals("intro", question.getString("phase"));
                shown.add(strings(question.getJsonArray("options")));
            }
            List<String> displayed = shown.get(0);
            if (q.type() == QuestionType.ORDER) {
                assertNotEquals(texts(q), displayed, "order items must never be shown in the right order");
            }
            time.advance(READING_MS);
            for (WsClient p : players) {
                assertEquals(qi, p.await("answering").getInteger("index"));
            }
            long limit = q.timeLimitSeconds() * 1000L;
            // Ben answers at once (right on even questions, wrong on odd ones at 2 s); Ana is right after 1 s;
            // Cy is right after 5 s on single and true/false questions, wrong otherwise.
            boolean benRight = qi % 2 == 0;
            boolean cyRight = q.type() == QuestionType.SINGLE || q.type() == QuestionType.TRUEFALSE;
            Map<String, Long> times = new LinkedHashMap<>();
            Map<String, Double> credits = new LinkedHashMap<>();
            if (benRight) {
                answer(players.get(1), qi, correctAnswer(q, displayed));
                times.put("Ben", 0L);
                credits.put("Ben", 1.0);
            }
            time.advance(1_000);
            answer(players.get(0), qi, correctAnswer(q, displayed));
            times.put("Ana", 1_000L);
            credits.put("Ana", 1.0);
            time.advance(1_000);
            if (!benRight) {
                answer(players.get(1), qi, wrongAnswer(q, displayed));
                times.put("Ben", 2_000L);
                credits.put("Ben", 0.0);
            }
            time.advance(3_000);
            answer(players.get(2), qi, cyRight ? correctAnswer(q, displayed) : wrongAnswer(q, displayed));
            times.put("Cy", 5_000L);
            credits.put("Cy", cyRight ? 1.0 : 0.0);

            // Everyone has answered: the reveal comes at once, without waiting for the deadline.
            JsonObject reveal = host.await("reveal");
            assertEquals(qi, reveal.getInteger("index"));
            assertEquals(3, reveal.getInteger("answered"));
            for (Expected e : expected.values()) {
                score(e, q, credits.get(e.name), times.get(e.name), limit);
            }
            List<Expected> ranking = rank(expected);
            for (int i = 0; i < players.size(); i++) {
                Expected e = expected.get(names[i]);
                JsonObject result = players.get(i).await("result");
                assertEquals(qi, result.getInteger("index"));
                assertEquals(e.score, result.getInteger("score"), e.name + " total after question " + qi);
                assertEquals(e.streak, result.getInteger("streak"), e.name + " streak after question " + qi);
                assertEquals(ranking.indexOf(e) + 1, result.getInteger("rank"), e.name + " rank after question " + qi);
                assertTrue(result.containsKey("solution"));
            }
            game.command("next");
            JsonObject board = host.await("leaderboard");
            assertEquals(ranking.get(0).name, board.getJsonArray("top").getJsonObject(0).getString("name"));
            game.command("next");
        }

        JsonObject podium = host.await("podium");
        List<Expected> ranking = rank(expected);
        JsonArray standings = podium.getJsonArray("ranking");
        assertEquals(3, standings.size());
        for (int i = 0; i < ranking.size(); i++) {
            assertEquals(ranking.get(i).name, standings.getJsonObject(i).getString("name"));
            assertEquals(ranking.get(i).score, standings.getJsonObject(i).getInteger("score"));
            assertEquals(ranking.get(i).correct, standings.getJsonObject(i).getInteger("correctCount"));
        }
        time.advance(Limits.PODIUM_REVEAL_MS); // each phone's final standing waits for the podium's reveal
        for (int i = 0; i < players.size(); i++) {
            JsonObject fin = players.get(i).await("final");
            Expected e = expected.get(names[i]);
            assertEquals(ranking.indexOf(e) + 1, fin.getJsonObject("you").getInteger("rank"));
            assertEquals(e.score, fin.getJsonObject("you").getInteger("score"));
        }
        game.command("next");
        host.await("finished");
        players.forEach(p -> p.await("finished"));

        for (WsClient p : players) {
            SolutionAudit.assertNoSolutionBeforeReveal(p.frames);
        }
        SolutionAudit.assertNoSolutionBeforeReveal(host.frames);
    }

    /** The documented classic rules, applied to one player's answer to one question. */
    private static void score(Expected e, Question q, Double credit, Long t, long limit) {
        if (q.type() == QuestionType.POLL) {
            return; // no points, streak untouched
        }
        boolean full = credit != null && credit >= 1.0;
        e.streak = full ? e.streak + 1 : 0;
        if (credit == null || credit <= 0) {
            return;
        }
        double speed = t < 500 ? 1.0 : 1.0 - (Math.min(t, limit) / (double) limit) / 2.0;
        int points = (int) Math.round(q.points() * credit * speed);
        int bonus = full ? Math.min(500, 100 * (e.streak - 1)) : 0;
        e.score += points + bonus;
        if (full) {
            e.correct++;
            e.correctTime += t;
        }
    }

    private static List<Expected> rank(Map<String, Expected> expected) {
        List<Expected> list = new ArrayList<>(expected.values());
        list.sort(Comparator.comparingInt((Expected e) -> -e.score)
                .thenComparingLong(e -> e.correctTime).thenComparingInt(e -> e.joinOrder));
        return list;
    }

    private void answer(WsClient player, int question, JsonObject fields) {
        player.send(fields.copy().put("type", "answer").put("question", question));
        assertEquals(question, player.await("answerAck").getInteger("question"));
    }

    static JsonObject correctAnswer(Question q, List<String> displayed) {
        List<String> texts = texts(q);
        return switch (q.type()) {
            case SINGLE, TRUEFALSE -> new JsonObject().put("option",
                    displayed.indexOf(texts.get(q.correct().iterator().next())));
            case MULTI -> new JsonObject().put("options", new JsonArray(q.correct().stream()
                    .map(b -> displayed.indexOf(texts.get(b))).sorted().toList()));
            case ORDER -> new JsonObject().put("order", new JsonArray(texts.stream().map(displayed::indexOf).toList()));
            case NUMERIC -> new JsonObject().put("value", q.numericAnswer());
            case POLL -> new JsonObject().put("option", 0);
        };
    }

    static JsonObject wrongAnswer(Question q, List<String> displayed) {
        List<String> texts = texts(q);
        return switch (q.type()) {
            case SINGLE, TRUEFALSE, MULTI -> {
                int wrong = 0;
                while (q.correct().contains(wrong)) {
                    wrong++;
                }
                int shownAt = displayed.indexOf(texts.get(wrong));
                yield q.type() == QuestionType.MULTI ? new JsonObject().put("options", new JsonArray().add(shownAt))
                        : new JsonObject().put("option", shownAt);
            }
            case ORDER -> {
                List<Integer> reversed = new ArrayList<>(texts.stream().map(displayed::indexOf).toList());
                Collections.reverse(reversed);
                yield new JsonObject().put("order", new JsonArray(reversed));
            }
            case NUMERIC -> new JsonObject().put("value", q.numericAnswer() + q.tolerance() + 1000);
            case POLL -> new JsonObject().put("option", 1);
        };
    }

    static List<String> texts(Question q) {
        return q.options().stream().map(o -> o.text()).toList();
    }

    static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(array.getString(i));
        }
        return list;
    }
}
