package app.quizroom.e2e;

import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A game played over WebSockets is kept in the results database: every acknowledged answer is saved, the report
 * computed from the database equals what the live game announced, and the CSV opens cleanly in a spreadsheet.
 */
class ResultsReportTest {

    private static final String[] NAMES = {"Smith, Ana", "Ben \"the Brain\"", "Дмитрий"};

    private ManualTime time;
    private TestServer server;

    /** Question 0: single choice, right option second in the file; question 1: numeric, 340,000. */
    private static final String BANK = """
            id: report-test
            title: Report test
            questions:
              - id: recruits
                type: single
                prompt: "Who controlled admissions to the Party during the Lenin Enrolment?"
                options:
                  - text: "Trotsky"
                    explanation: "Trotsky held no post that ran admissions."
                  - "Stalin"
                  - text: "Zinoviev"
                    explanation: "Zinoviev ran the Comintern and Leningrad."
                answer: "Stalin"
                explanation: "As General Secretary, Stalin controlled admissions."
              - id: members
                type: numeric
                prompt: "How many members did the Party have before the Lenin Enrolment?"
                answer: 340000
                explanation: "About 340,000."
              - id: spare
                type: truefalse
                prompt: "The Enrolment began after Lenin's death."
                answer: true
            """;

    @BeforeEach
    void start(@TempDir Path banks) throws IOException {
        Files.writeString(banks.resolve("report-test.yaml"), BANK);
        time = new ManualTime();
        server = TestServer.start(time, time, Map.of("QUIZROOM_BANKS", banks.toString()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theReportFromTheDatabaseMatchesTheLiveGameAndTheCsvIsClean() {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "report-test")
                .put("readingSeconds", 0).put("timeLimit", 20));
        String hostKey = game.hostToken;
        WsClient host = game.host();
        assertEquals(game.gameId(), game.hosting().getLong("gameId"));
        List<WsClient> players = game.joinAll(NAMES);
        game.command("start");
        // Question 0 (single choice, options shuffled by default) and question 1 (numeric 340000).
        for (WsClient p : players) {
            p.await("answering");
        }
        shown = players.get(0).await("question").getJsonArray("options").stream().map(String::valueOf).toList();
        time.advance(1_000);
        answer(players.get(0), new JsonObject().put("question", 0).put("option", rightOption(0)));
        time.advance(3_000);
        answer(players.get(1), new JsonObject().put("question", 0).put("option", wrongOption(0)));
        time.advance(1_000);
        answer(players.get(2), new JsonObject().put("question", 0).put("option", rightOption(0)));
        host.await("reveal");
        game.command("next");
        game.command("next");
        for (WsClient p : players) {
            p.await("answering");
        }
        time.advance(2_000);
        answer(players.get(1), new JsonObject().put("question", 1).put("value", 340000));
        answer(players.get(2), new JsonObject().put("question", 1).put("value", 1));
        time.advance(20_000); // the first player does not answer: the deadline closes the question
        host.await("reveal");
        game.command("end");
        JsonArray podium = host.await("podium").getJsonArray("ranking");

        JsonObject report = new JsonObject(reportBody(game.gameId(), hostKey));
        assertEquals("finished", report.getJsonObject("game").getString("status"));
        assertTrue(report.getJsonObject("game").getBoolean("endedEarly"), "the host ended it after 2 of 3 questions");
        JsonArray reported = report.getJsonArray("players");
        assertEquals(podium.size(), reported.size());
        for (int i = 0; i < podium.size(); i++) {
            JsonObject live = podium.getJsonObject(i);
            JsonObject stored = reported.getJsonObject(i);
            assertEquals(live.getString("name"), stored.getString("nickname"));
            assertEquals(live.getInteger("score"), stored.getInteger("score"));
            assertEquals(live.getInteger("rank"), stored.getInteger("rank"));
            assertEquals(live.getInteger("correctCount"), stored.getInteger("correctCount"));
        }
        JsonObject first = report.getJsonArray("questions").getJsonObject(0);
        assertEquals(3, first.getInteger("answered"));
        assertEquals(2, first.getInteger("correctCount"));
        assertEquals(66.7, first.getDouble("percentCorrect"));
        assertEquals((1_000L + 4_000L + 5_000L) / 3, first.getLong("averageResponseMs"));
        assertEquals(2, first.getJsonArray("counts").getInteger(rightOption(0)));
        assertEquals(1, first.getJsonObject("commonWrongAnswer").getInteger("count"));
        assertTrue(first.getJsonObject("commonWrongAnswer").containsKey("explanation"));
        JsonObject second = report.getJsonArray("questions").getJsonObject(1);
        assertEquals(2, second.getInteger("answered"));
        assertEquals(1, second.getInteger("correctCount"));

        TestServer.Response csv = server.request(HttpMethod.GET, "/api/reports/" + game.gameId() + "/csv",
                null, Map.of("X-Host-Key", hostKey));
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        String text = csv.body();
        assertTrue(text.startsWith("\uFEFFnickname,team,question,prompt,answer,correct,points,response_ms\r\n"), text);
        assertTrue(text.contains("\r\n\"Smith, Ana\",,1,"), "a comma in a name is quoted");
        assertTrue(text.contains("\r\n\"Ben \"\"the Brain\"\"\",,1,"), "quotes are doubled");
        assertTrue(text.contains("\r\nДмитрий,,2,"), "Cyrillic is kept as is");
        assertEquals(1 + NAMES.length * 2, text.split("\r\n").length,
                "one row per player per question played (the game ended after two), after the header");
        assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void reportsOpenOnlyWithTheGamesHostKey() {
        JsonObject game = server.createGame(new JsonObject().put("bankId", "report-test"));
        WsClient player = server.client();
        player.send(new JsonObject().put("type", "join").put("pin", game.getString("pin")).put("name", "Ana"));
        String seat = player.await("joined").getString("seatToken");
        String path = "/api/reports/" + game.getLong("gameId");
        // As a student's phone would ask: not from the server's own machine (a forwarded request never is).
        Map<String, String> elsewhere = Map.of("X-Forwarded-For", "192.0.2.99");
        assertEquals(403, server.request(HttpMethod.GET, path, null, elsewhere).status());
        assertEquals(403, server.request(HttpMethod.GET, path, null,
                Map.of("X-Host-Key", seat, "X-Forwarded-For", "192.0.2.99")).status());
        assertEquals(403, server.request(HttpMethod.GET, path, null,
                Map.of("X-Host-Key", game.getString("pin"), "X-Forwarded-For", "192.0.2.99")).status());
        assertEquals(403, server.request(HttpMethod.GET, path + "/csv", null, elsewhere).status());
        assertEquals(200, server.request(HttpMethod.GET, path, null,
                Map.of("X-Host-Key", game.getString("hostToken"), "X-Forwarded-For", "192.0.2.99")).status());
        player.sync();
        JsonArray listed = new JsonArray(server.request(HttpMethod.POST, "/api/reports/lookup",
                new JsonObject().put("keys", new JsonArray().add(game.getString("hostToken")).add(seat)).encode()).body());
        assertEquals(1, listed.size());
        assertEquals(game.getLong("gameId"), listed.getJsonObject(0).getLong("id"));
        assertEquals(401, server.request(HttpMethod.GET, "/api/reports", null, elsewhere).status(),
                "no list without the password");
        assertEquals(200, server.request(HttpMethod.GET, "/api/reports", null).status(),
                "the server's own machine lists every game");
    }

    private String reportBody(long gameId, String hostKey) {
        TestServer.Response r = server.report(gameId, hostKey);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    private void answer(WsClient player, JsonObject answer) {
        player.send(answer.put("type", "answer"));
        JsonObject ack = player.await("answerAck");
        assertTrue(ack.getBoolean("saved"), "the acknowledgement comes once the answer is on disk");
    }

    /** The options of question 0 as the phones displayed them. */
    private List<String> shown;

    private int rightOption(int question) {
        var q = server.bank("report-test").questions().get(question);
        return shown.indexOf(q.options().get(q.correct().iterator().next()).text());
    }

    private int wrongOption(int question) {
        return rightOption(question) == 0 ? 1 : 0;
    }
}
