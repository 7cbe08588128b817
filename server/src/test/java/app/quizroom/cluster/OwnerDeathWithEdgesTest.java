package app.quizroom.cluster;

import app.quizroom.support.ClusterNodes;
import app.quizroom.support.FixedPinServer;
import app.quizroom.support.Postgres;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static app.quizroom.cluster.EdgeServingTest.answer;
import static app.quizroom.cluster.EdgeServingTest.awaitResult;
import static app.quizroom.cluster.EdgeServingTest.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's death with players on edges (docs/cluster.md §7): three real server JVMs on one embedded PostgreSQL
 * database, a room created and hosted on A, two players on each of A, B and C (B and C serve theirs as edges). A
 * question is played with acknowledged answers; during the next one, with some answers acknowledged on each node,
 * A is killed with {@code kill -9}. The host reconnects to B with its host token; B's and C's players, closed by
 * their edges with 4004, rejoin their own node; A's rejoin B and C. B runs the room within 15 s, C serves its
 * phones as an edge of B, the game goes on to the podium with the players' scores, every acknowledged answer is in the report, and the report
 * records the takeover. About a minute and a half.
 */
@Tag("slow")
class OwnerDeathWithEdgesTest {

    /** The brief's bound: another node runs the room within this long of its owner's death. */
    private static final Duration TAKEN_OVER = Duration.ofSeconds(15);

    private final Vertx vertx = Vertx.vertx();
    private final List<WsClient> clients = new ArrayList<>();
    private ClusterNodes cluster;
    private Postgres.Database database;

    @AfterEach
    void stop() {
        clients.forEach(WsClient::close);
        if (cluster != null) {
            cluster.close();
        }
        vertx.close();
    }

    @Test
    void whenTheOwnerDiesWithPlayersOnEdgesOneOfTheEdgesTakesTheRoomAndTheGameGoesOnToThePodium() throws Exception {
        Path banks = Files.createTempDirectory("quizroom-failover-banks");
        Files.writeString(banks.resolve("edge-bank.yaml"), EdgeServingTest.BANK);
        database = Postgres.shared().newDatabase();
        Map<String, String> env = new HashMap<>(database.env());
        env.put("QUIZROOM_BANKS", banks.toString());
        cluster = ClusterNodes.start(3, env, FixedPinServer.class.getName());
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        ServerProcess c = cluster.node(2);

        EdgeServingTest.Game game = EdgeServingTest.Game.create(a, vertx, clients, 60);
        Map<String, ServerProcess> homes = new LinkedHashMap<>();
        homes.put("A1", a);
        homes.put("A2", a);
        homes.put("B1", b);
        homes.put("B2", b);
        homes.put("C1", c);
        homes.put("C2", c);
        Map<String, WsClient> players = new LinkedHashMap<>();
        homes.forEach((name, node) -> players.put(name, game.join(node, name)));
        Set<String> acknowledged = new TreeSet<>();

        // Question 0: everyone right, acknowledged; 1000 points each.
        game.host.send(command("start"));
        for (Map.Entry<String, WsClient> p : players.entrySet()) {
            p.getValue().send(answer(EdgeServingTest.Game.opened(p.getValue()), true));
            assertTrue(p.getValue().await("answerAck").getBoolean("saved"), p.getKey());
            acknowledged.add(p.getKey() + "/0");
        }
        for (WsClient p : players.values()) {
            assertEquals(1000, p.await("result").getInteger("score"));
        }
        game.host.await("reveal");
        game.host.send(command("next"));
        game.host.await("leaderboard");
        game.host.send(command("next"));

        // Question 1: one player on each node answers right before the owner dies.
        Map<String, JsonObject> opened = new HashMap<>();
        players.forEach((name, p) -> opened.put(name, EdgeServingTest.Game.opened(p)));
        for (String name : List.of("A1", "B1", "C1")) {
            players.get(name).send(answer(opened.get(name), true));
            assertTrue(players.get(name).await("answerAck").getBoolean("saved"), name);
            acknowledged.add(name + "/1");
        }
        game.host.await(m -> "answerCount".equals(m.getString("type")) && m.getInteger("index") == 1
                && m.getInteger("answered") == 3, "a count of 3 answers to question 1");

        a.kill9();
        long killed = System.nanoTime();
        // The edges see the owner leave and close their phones' sockets so that they reconnect.
        for (String name : List.of("B1", "B2", "C1", "C2")) {
            assertEquals(4004, players.get(name).awaitClose(), name + " closed by its edge to reconnect");
        }
        WsClient host = reconnect(b, new JsonObject().put("type", "host").put("pin", game.pin)
                .put("hostToken", game.hostToken), "hosting");
        Map<String, ServerProcess> rejoinAt = new LinkedHashMap<>(homes);
        rejoinAt.put("A1", b);
        rejoinAt.put("A2", c);
        Map<String, WsClient> back = new LinkedHashMap<>();
        for (Map.Entry<String, ServerProcess> r : rejoinAt.entrySet()) {
            back.put(r.getKey(), reconnect(r.getValue(), new JsonObject().put("type", "rejoin").put("pin", game.pin)
                    .put("seatToken", game.seats.get(r.getKey())), "joined"));
        }
        long backMs = (System.nanoTime() - killed) / 1_000_000;
        assertTrue(backMs < TAKEN_OVER.toMillis(), "the host and every player back within " + TAKEN_OVER);
        String newOwner = database.single("SELECT node FROM live_rooms WHERE pin = '" + game.pin + "'");
        System.out.println("owner killed: room taken over by " + newOwner + ", host and players back in " + backMs
                + " ms");
        // B had seen A leave (it closed its phones) when the host's reconnection reached it: B took the room over,
        // and C, reached by phones afterwards, serves them as an edge of B.
        assertEquals("node-1", newOwner, "the room runs on B");
        Map<String, JsonObject> shownAgain = new HashMap<>();
        back.forEach((name, p) -> shownAgain.put(name, p.await("question")));
        shownAgain.forEach((name, question) -> assertEquals(1, question.getInteger("index"),
                name + " is shown the question in play when the owner died"));

        // The others answer question 1 wrong: their scores stay at 1000, those acknowledged before are 2000.
        for (String name : List.of("A2", "B2", "C2")) {
            back.get(name).send(answer(shownAgain.get(name), false));
            assertTrue(back.get(name).await("answerAck").getBoolean("saved"), name);
            acknowledged.add(name + "/1");
        }
        Map<String, Integer> expected = Map.of("A1", 2000, "B1", 2000, "C1", 2000, "A2", 1000, "B2", 1000,
                "C2", 1000);
        for (Map.Entry<String, WsClient> p : back.entrySet()) {
            JsonObject result = awaitResult(p.getValue());
            assertEquals(1, result.getInteger("index"));
            assertEquals(expected.get(p.getKey()), result.getInteger("score"), p.getKey() + ": " + result.encode());
        }
        host.await("reveal");
        host.send(command("next"));
        host.await("leaderboard");
        host.send(command("next"));

        // Question 2: everyone right, at the new owner and its edge.
        for (Map.Entry<String, WsClient> p : back.entrySet()) {
            JsonObject question = EdgeServingTest.Game.opened(p.getValue());
            assertEquals(2, question.getInteger("index"));
            p.getValue().send(answer(question, true));
            assertTrue(p.getValue().await("answerAck").getBoolean("saved"), p.getKey());
            acknowledged.add(p.getKey() + "/2");
        }
        for (WsClient p : back.values()) {
            awaitResult(p);
        }
        host.await("reveal");
        host.send(command("end"));
        JsonArray ranking = host.await("podium").getJsonArray("ranking");
        Map<String, Integer> podium = new HashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            podium.put(ranking.getJsonObject(i).getString("name"), ranking.getJsonObject(i).getInteger("score"));
        }
        Map<String, Integer> finalScores = new HashMap<>();
        expected.forEach((name, score) -> finalScores.put(name, score + 1000));
        assertEquals(finalScores, podium, "scores kept across the takeover");
        host.send(command("next"));
        host.await("finished");

        JsonObject summary = report(b, game).getJsonObject("game");
        assertEquals(newOwner, summary.getString("takenOverBy"), summary.encode());
        assertNotNull(summary.getLong("takenOverAt"));
        assertEquals("finished", summary.getString("status"));
        assertEquals(acknowledged, storedAnswers(game.gameId), "every acknowledged answer is stored");
    }

    /**
     * Opens sockets to {@code node} and sends {@code hello} until the answer is {@code wanted}: until a node has
     * seen the owner leave and the room is taken over, the PIN is not found or the socket is closed to reconnect.
     */
    private WsClient reconnect(ServerProcess node, JsonObject hello, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TAKEN_OVER.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            WsClient socket = client(node);
            socket.send(hello);
            try {
                JsonObject answer = socket.await(m -> wanted.equals(m.getString("type"))
                        || "error".equals(m.getString("type")), wanted + " or an error");
                if (wanted.equals(answer.getString("type"))) {
                    return socket;
                }
                last = answer.encode();
            } catch (AssertionError closedOrSilent) {
                last = closedOrSilent.getMessage() + " (closed " + socket.isClosed() + ")";
            }
            socket.close();
            // Waiting for another process to notice a member leave: nothing to block on but trying again.
            Thread.sleep(300);
        }
        throw new AssertionError("no " + wanted + " from port " + node.port() + " within " + TAKEN_OVER
                + "; last answer " + last + "\n" + node.logTail());
    }

    private static JsonObject report(ServerProcess node, EdgeServingTest.Game game) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + "/api/reports/" + game.gameId))
                .header("X-Host-Key", game.hostToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    /** "name/question" of every answer stored for the game. */
    private Set<String> storedAnswers(long gameId) throws Exception {
        Set<String> found = new TreeSet<>();
        try (Connection conn = database.connect(); PreparedStatement s = conn.prepareStatement(
                "SELECT p.nickname, a.question_idx FROM answers a JOIN players p ON p.game_id = a.game_id"
                        + " AND p.player_id = a.player_id WHERE a.game_id = ?")) {
            s.setLong(1, gameId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + "/" + rs.getInt(2));
                }
            }
        }
        return found;
    }

    private WsClient client(ServerProcess node) {
        WsClient c = WsClient.connect(vertx, node.port());
        clients.add(c);
        return c;
    }
}
