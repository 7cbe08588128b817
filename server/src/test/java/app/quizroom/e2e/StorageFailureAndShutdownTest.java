package app.quizroom.e2e;

import app.quizroom.store.Reports;
import app.quizroom.support.HostedGame;
import app.quizroom.support.Started;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The game never depends on the disk: it goes on when the database fails, and a shutdown keeps what it has. */
class StorageFailureAndShutdownTest {

    @RegisterExtension
    final Started started = new Started();
    private TestServer server;


    /** A game of the bundled lenin-enrolment bank, answers open as each question shows. */
    private HostedGame hostAGame() {
        return HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment").put("readingSeconds", 0));
    }

    @Test
    void whenTheDatabaseCannotBeWrittenTheGameGoesOnAndResultsAreSavedOnceItCanBe(@TempDir Path dir)
            throws IOException {
        Path blocker = dir.resolve("data");
        Files.writeString(blocker, "a file where the database folder should be");
        Path db = blocker.resolve("results.db");
        server = started.keep(TestServer.start(Map.of("QUIZROOM_DB", db.toString())));
        HostedGame game = hostAGame();
        WsClient host = game.host();
        JsonObject warning = host.await("storage");
        assertFalse(warning.getBoolean("saving"), "the projector warns that results are not being saved");
        WsClient ana = game.join("Ana");
        game.command("start");
        ana.await("answering");
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "a-1"));
        assertFalse(ana.await("answerAck").getBoolean("saved"), "accepted, but honestly not saved yet");
        assertEquals(0, ana.await("result").getInteger("index"), "the game goes on");

        Files.delete(blocker); // the disk comes back
        assertTrue(host.await("storage").getBoolean("saving"), "the projector hears that saving works again");
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "a-1"));
        assertTrue(ana.await("answerAck").getBoolean("saved"), "a resend learns that its answer is now saved");
        game.command("next");
        host.await("leaderboard");
        TestServer.Response report = server.report(game.gameId(), game.hostToken);
        assertEquals(200, report.status(), report.body());
        JsonObject body = new JsonObject(report.body());
        assertEquals("Ana", body.getJsonArray("players").getJsonObject(0).getString("nickname"));
        assertEquals(1, body.getJsonArray("questions").getJsonObject(0).getInteger("answered"),
                "the queued answer was written once the database was back");
        assertEquals(0, body.getJsonObject("game").getInteger("unsavedCount"));
    }

    @Test
    void aGracefulShutdownTellsEveryoneAndRecordsTheGameAsInterrupted(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.db");
        server = started.keep(TestServer.start(Map.of("QUIZROOM_DB", db.toString())));
        HostedGame game = hostAGame();
        WsClient host = game.host();
        WsClient ana = game.join("Ana");
        game.command("start");
        ana.await("answering");
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 1));
        assertTrue(ana.await("answerAck").getBoolean("saved"));

        TestServer.await(server.server.stop());
        assertFalse(ana.await("shutdown").getString("message").isBlank());
        host.await("shutdown");
        assertEquals(4002, ana.awaitClose());

        Reports reports = new Reports(db);
        var report = reports.report(game.gameId());
        assertEquals("interrupted", report.get("game").get("status").asText());
        assertEquals(1, report.get("questions").get(0).get("answered").asInt(), "the acknowledged answer is kept");
    }
}
