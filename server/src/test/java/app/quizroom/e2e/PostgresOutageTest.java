package app.quizroom.e2e;

import app.quizroom.support.HostedGame;
import app.quizroom.support.Postgres;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away in the middle of a game and comes back on the same data folder and port: the game goes on
 * with {@code saved: false} and the projector's warning, and once the database is back every queued answer
 * reaches it, in the order given, and the report says nothing was lost. Slow: it waits out the store's retry
 * back-off and a PostgreSQL start.
 */
@Tag("slow")
class PostgresOutageTest {

    @TempDir
    Path dir;

    private Postgres postgres;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void theGameGoesOnWhilePostgresIsDownAndEveryQueuedAnswerArrivesInOrderWhenItIsBack() throws Exception {
        postgres = Postgres.dedicated(dir.resolve("pgdata"));
        Postgres.Database db = postgres.newDatabase();
        Map<String, String> env = new HashMap<>(db.env());
        env.put("QUIZROOM_DB", dir.resolve("unused.db").toString());
        server = TestServer.start(env);
        HostedGame game = HostedGame.create(server,
                new JsonObject().put("bankId", "lenin-enrolment").put("readingSeconds", 0).put("timeLimit", 60));
        WsClient host = game.host();
        List<WsClient> players = game.joinAll("Ana", "Ben", "Cy");
        List<Integer> ids = players.stream().map(game::playerId).toList();
        game.command("start");
        for (WsClient p : players) {
            p.await("answering");
        }
        assertTrue(answer(players.get(0), 0, 0), "saved while the database is up");

        postgres.stop();
        assertFalse(answer(players.get(1), 0, 1), "accepted, honestly not saved");
        assertFalse(host.await("storage").getBoolean("saving"), "the projector warns");
        assertFalse(answer(players.get(2), 0, 0));
        host.await("reveal");
        game.command("next");
        game.command("next");
        players.get(0).await(m -> "answering".equals(m.getString("type")) && m.getInteger("index", 0) == 1,
                "question 2 open");
        assertFalse(answer(players.get(0), 1, 340000), "the game goes on to the next question");

        postgres.start(); // same data folder, same port
        assertTrue(host.await("storage").getBoolean("saving"), "the projector hears that saving works again");
        assertTrue(server.server.store().flushed().get(10, java.util.concurrent.TimeUnit.SECONDS));

        List<String> stored = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             // A fresh table only ever appended to: its rows' physical order is the order they were inserted.
             ResultSet rs = s.executeQuery("SELECT question_idx, player_id FROM answers ORDER BY ctid")) {
            while (rs.next()) {
                stored.add(rs.getInt(1) + "/" + rs.getInt(2));
            }
        }
        assertEquals(List.of("0/" + ids.get(0), "0/" + ids.get(1), "0/" + ids.get(2), "1/" + ids.get(0)), stored,
                "every answer once, in the order given");
        TestServer.Response report = server.report(game.gameId(), game.hostToken);
        assertEquals(200, report.status(), report.body());
        JsonObject body = new JsonObject(report.body());
        assertEquals(0, body.getJsonObject("game").getInteger("unsavedCount"), "nothing was lost");
        assertEquals(3, body.getJsonArray("questions").getJsonObject(0).getInteger("answered"));
        assertEquals(1, body.getJsonArray("questions").getJsonObject(1).getInteger("answered"));
    }

    /** Sends an answer and returns what its acknowledgement says about saving. */
    private static boolean answer(WsClient player, int question, int choice) {
        JsonObject answer = new JsonObject().put("type", "answer").put("question", question);
        if (question == 1) {
            answer.put("value", choice);
        } else {
            answer.put("option", choice);
        }
        player.send(answer);
        return player.await("answerAck").getBoolean("saved");
    }
}
