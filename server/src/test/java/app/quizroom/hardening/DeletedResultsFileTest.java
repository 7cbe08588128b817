package app.quizroom.hardening;

import app.quizroom.support.Clock;
import app.quizroom.support.Started;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rm quizroom.db*} in the middle of a game, on the real server over real WebSockets with a real SQLite file:
 * SQLite would go on writing to the deleted file without a word. The store notices at its next batch, the
 * projector is warned until the game is written into a new file, no answer is acknowledged as saved before it is
 * there, and after a restart on the same path the report has every answer.
 */
class DeletedResultsFileTest {

    @RegisterExtension
    final Started started = new Started();
    private TestServer server;


    @Test
    void deletingTheResultsFilesMidGameWarnsKeepsAcknowledgementsHonestAndLosesNoAnswer(@TempDir Path dir)
            throws IOException {
        Map<String, String> env = Map.of("QUIZROOM_DB", dir.resolve("quizroom.db").toString());
        server = started.keep(TestServer.start(Clock.SYSTEM, null, env));
        JsonObject game = server.createGame(new JsonObject().put("bankId", "lenin-enrolment")
                .put("readingSeconds", 0).put("timeLimit", 60));
        WsClient host = server.client();
        host.send(new JsonObject().put("type", "host").put("pin", game.getString("pin"))
                .put("hostToken", game.getString("hostToken")));
        host.await("lobby");
        List<WsClient> players = new ArrayList<>();
        for (String name : List.of("Ana", "Ben", "Cy")) {
            WsClient p = server.client();
            p.send(new JsonObject().put("type", "join").put("pin", game.getString("pin")).put("name", name));
            p.await("joined");
            players.add(p);
        }
        host.send(new JsonObject().put("type", "start"));
        // Question 0 (true/false): everyone's answer is saved.
        for (int i = 0; i < 3; i++) {
            assertTrue(answer(players.get(i), 0, new JsonObject().put("option", i % 2)), "saved before the deletion");
        }
        host.await("reveal");
        host.send(new JsonObject().put("type", "next"));
        host.send(new JsonObject().put("type", "next"));
        // Question 1 (numeric): Ana's answer is saved, then the files go.
        assertTrue(answer(players.get(0), 1, new JsonObject().put("value", 76)));
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.delete(dir.resolve("quizroom.db" + suffix)); // throws if it was not there
        }

        JsonObject bens = new JsonObject().put("value", 80);
        assertFalse(answer(players.get(1), 1, bens), "its batch found the file gone: accepted, honestly not saved");
        assertFalse(host.await("storage").getBoolean("saving"), "the projector is warned");
        assertTrue(host.await("storage").getBoolean("saving"), "and the warning clears once the game is rewritten");
        players.get(1).send(answerMessage(1, bens));
        assertTrue(players.get(1).await("answerAck").getBoolean("saved"), "a resend learns it is saved now");
        assertTrue(answer(players.get(2), 1, new JsonObject().put("value", 70)), "saved in the new file");
        host.await("reveal");
        host.send(new JsonObject().put("type", "next"));
        host.send(new JsonObject().put("type", "next"));
        // Question 2 (single choice): the game plays on, saved as usual.
        for (int i = 0; i < 3; i++) {
            assertTrue(answer(players.get(i), 2, new JsonObject().put("option", i % 2)));
        }
        host.await("reveal");

        server.close();
        server = started.keep(TestServer.start(Clock.SYSTEM, null, env));
        TestServer.Response response = server.request(HttpMethod.GET, "/api/reports/" + game.getLong("gameId"),
                null, Map.of("X-Host-Key", game.getString("hostToken")));
        assertEquals(200, response.status(), response.body());
        JsonObject report = new JsonObject(response.body());
        assertEquals("interrupted", report.getJsonObject("game").getString("status"));
        assertEquals(0, report.getJsonObject("game").getInteger("unsavedCount"));
        List<Integer> answered = new ArrayList<>();
        report.getJsonArray("questions").forEach(q -> answered.add(((JsonObject) q).getInteger("answered")));
        assertEquals(List.of(3, 3, 3), answered,
                "the three questions played, each with every answer: before, during and after the deletion");
    }

    /** Answers when the question opens; returns the acknowledgement's {@code saved}. */
    private static boolean answer(WsClient player, int question, JsonObject answer) {
        player.await(m -> m.getString("type").equals("answering") && m.getInteger("index") == question,
                "answering " + question);
        player.send(answerMessage(question, answer));
        return player.await("answerAck").getBoolean("saved");
    }

    private static JsonObject answerMessage(int question, JsonObject answer) {
        return answer.copy().put("type", "answer").put("question", question).put("nonce", "q" + question);
    }
}
