package app.quizroom.e2e;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.HostedGame;
import app.quizroom.support.Postgres;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server runs as a process of its own, is killed with SIGKILL in the middle of a question, and is started
 * again on the same database: every answer it had acknowledged as saved is there, and the game is listed as
 * interrupted with a report that opens. On each store: the SQLite file, and a real PostgreSQL.
 */
@Tag("slow")
class CrashRecoveryTest {

    @RegisterExtension
    final Started started = new Started();
    private ServerProcess server;

    private WsClient client() {
        return started.client(server.port());
    }

    /** Where the server keeps results. */
    enum Store {
        SQLITE, POSTGRESQL;

        Map<String, String> env() {
            return this == SQLITE ? Map.of() : Postgres.shared().newDatabase().env();
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void everyAcknowledgedAnswerSurvivesAKillNineAndTheGameShowsAsInterrupted(Store store) throws Exception {
        server = started.keep(ServerProcess.start(List.of("-Xmx256m"), store.env()));
        HostedGame game = HostedGame.attach(new JsonObject(server.post("/api/games",
                "{\"bankId\":\"lenin-enrolment\",\"readingSeconds\":0,\"timeLimit\":60}").body()), this::client);
        WsClient host = game.host();
        List<WsClient> players = game.joinAll("Ana", "Ben", "Cy");
        List<Integer> ids = players.stream().map(game::playerId).toList();
        game.command("start");
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < players.size(); i++) {
            WsClient p = players.get(i);
            p.await("answering");
            p.send(new JsonObject().put("type", "answer").put("question", 0).put("option", i % 2));
            if (p.await("answerAck").getBoolean("saved")) {
                acknowledged.add("0/" + ids.get(i));
            }
        }
        host.await("reveal");
        game.command("next");
        game.command("next");
        // Question 1 (numeric): two of three answer, then the server dies with the question open.
        for (int i = 0; i < 2; i++) {
            WsClient p = players.get(i);
            p.await("answering");
            p.send(new JsonObject().put("type", "answer").put("question", 1).put("value", 340000 + i));
            if (p.await("answerAck").getBoolean("saved")) {
                acknowledged.add("1/" + ids.get(i));
            }
        }
        assertEquals(5, acknowledged.size(), "every answer was acknowledged as saved");
        server.kill9();

        server = started.keep(server.restart());
        HttpResponse<String> list = server.post("/api/reports/lookup",
                new JsonObject().put("keys", new JsonArray().add(game.hostToken)).encode());
        JsonArray games = new JsonArray(list.body());
        assertEquals(1, games.size());
        assertEquals("interrupted", games.getJsonObject(0).getString("status"));

        JsonObject report = FailoverCluster.report(server, game.gameId(), game.hostToken);
        assertEquals("interrupted", report.getJsonObject("game").getString("status"));
        Set<String> stored = FailoverCluster.reportedAnswers(report);
        assertTrue(stored.containsAll(acknowledged), "stored " + stored + ", acknowledged " + acknowledged);
        JsonObject first = report.getJsonArray("questions").getJsonObject(0);
        assertNotNull(first.getDouble("percentCorrect"), "the scored question has its results");
    }
}
