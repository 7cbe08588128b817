package app.quizroom.e2e;

import app.quizroom.bank.Bank;
import app.quizroom.bank.Question;
import app.quizroom.bank.QuestionType;
import app.quizroom.game.GameOptions;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher who creates a game with nothing but a bank gets no answer pattern: the right answer moves between the
 * tiles from question to question, and the report shows each student's answer as the tiles displayed it.
 */
class DefaultShuffleTest {

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);

    @Test
    void optionsAreShuffledByDefaultAndTheSetupScreenSaysSo() {
        JsonObject defaults = new JsonObject(server.request(HttpMethod.GET, "/api/options", null).body())
                .getJsonObject("defaults");
        assertEquals(true, defaults.getBoolean("shuffleOptions"));
        assertTrue(GameOptions.defaults().shuffleOptions());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lenins-testament", "lenin-enrolment", "defeat-of-the-right", "stalins-power-base",
            "lenins-funeral-and-trotsky", "troika-and-the-left", "why-stalin-won"})
    void aDefaultGameMovesTheRightAnswerAroundAndTheReportShowsAnswersAsDisplayed(String bankId) {
        Bank bank = server.bank(bankId);
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", bankId));
        WsClient host = game.host();
        WsClient phone = game.join("Ana");
        game.command("start");

        Map<Integer, List<String>> rightAt = new TreeMap<>();
        int singles = 0;
        int reordered = 0;
        int choiceQuestions = 0;
        List<String> answeredAs = new ArrayList<>();
        for (int qi = 0; qi < bank.questions().size(); qi++) {
            Question q = bank.questions().get(qi);
            List<String> displayed = WholeGameTest.strings(phone.await("question").getJsonArray("options"));
            time.advance(GameOptions.DEFAULT_READING_SECONDS * 1000L);
            phone.await("answering");
            // Ana taps the second tile (or the first two, the tiles as shown, or a number).
            JsonObject answer = switch (q.type()) {
                case SINGLE, TRUEFALSE, POLL -> new JsonObject().put("option", 1);
                case MULTI -> new JsonObject().put("options", new JsonArray().add(0).add(1));
                case ORDER -> new JsonObject().put("order", new JsonArray(
                        IntStream.range(0, displayed.size()).boxed().toList()));
                case NUMERIC -> new JsonObject().put("value", 1917);
            };
            answeredAs.add(switch (q.type()) {
                case SINGLE, TRUEFALSE, POLL -> displayed.get(1);
                case MULTI -> displayed.get(0) + "; " + displayed.get(1);
                case ORDER -> String.join(" → ", displayed);
                case NUMERIC -> "1917";
            });
            phone.send(answer.put("type", "answer").put("question", qi));
            phone.await("answerAck");
            JsonObject reveal = host.await("reveal");
            if (q.type() == QuestionType.SINGLE) {
                singles++;
                int shownAt = reveal.getJsonObject("solution").getJsonArray("correct").getInteger(0);
                String rightText = q.options().get(q.correct().iterator().next()).text();
                assertEquals(rightText, displayed.get(shownAt), "the reveal marks the tile that shows the right answer");
                rightAt.computeIfAbsent(shownAt, p -> new ArrayList<>()).add(q.id());
            }
            if (q.type() == QuestionType.SINGLE || q.type() == QuestionType.MULTI || q.type() == QuestionType.POLL) {
                choiceQuestions++;
                if (!displayed.equals(WholeGameTest.texts(q))) {
                    reordered++;
                }
            }
            if (q.type() == QuestionType.TRUEFALSE) {
                assertEquals(List.of("True", "False"), displayed, "true/false keeps True, False");
            }
            game.command("next");
            host.await("leaderboard");
            game.command("next");
        }
        host.await("podium");

        assertTrue(reordered > choiceQuestions / 2, bankId + ": options shown in the bank's order in "
                + (choiceQuestions - reordered) + " of " + choiceQuestions + " choice questions");
        assertTrue(rightAt.size() >= 2, bankId + ": the right answer always sat on one tile: " + rightAt);
        int singleCount = singles;
        rightAt.forEach((position, ids) -> assertNotEquals(singleCount, ids.size(),
                bankId + ": every right answer on tile " + position));

        TestServer.Response r = server.report(game.gameId(), game.hostToken);
        assertEquals(200, r.status(), r.body());
        JsonObject report = new JsonObject(r.body());
        JsonArray answers = report.getJsonArray("players").getJsonObject(0).getJsonArray("answers");
        for (int qi = 0; qi < bank.questions().size(); qi++) {
            assertEquals(answeredAs.get(qi), answers.getJsonObject(qi).getString("answer"),
                    bankId + "/" + bank.questions().get(qi).id() + ": the report shows the answer as displayed");
            JsonObject reported = report.getJsonArray("questions").getJsonObject(qi);
            assertEquals(bank.questions().get(qi).skill().wireName(), reported.getString("skill"));
        }
    }
}
