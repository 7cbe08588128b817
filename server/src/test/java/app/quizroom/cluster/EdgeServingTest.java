package app.quizroom.cluster;

import app.quizroom.support.ClusterNodes;
import app.quizroom.support.FixedPinServer;
import app.quizroom.support.Postgres;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three real server JVMs on one embedded PostgreSQL database, a room owned by node A whose players (and, in one
 * test, nobody but the host) are spread over A, B and C: B and C serve theirs as edges. The game plays to its podium
 * with the scores, ranks and report of the same game on one node; a question's bus traffic does not grow with the
 * players; and when an edge is killed its players come back through another node with their scores, and every
 * acknowledged answer is in the report. About 2 minutes.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeServingTest {

    static final String BANK = """
            id: edge-bank
            title: Edges
            questions:
              - id: capital
                type: single
                prompt: "The capital of France?"
                options: ["Paris", "Lyon", "Nice", "Lille"]
                answer: "Paris"
              - id: sky
                type: truefalse
                prompt: "The sky is green."
                answer: false
              - id: primes
                type: multi
                prompt: "Which are prime?"
                options: ["2", "3", "4", "6"]
                answer: ["2", "3"]
              - id: product
                type: numeric
                prompt: "Six times seven?"
                answer: 42
                tolerance: 0
              - id: planet
                type: single
                prompt: "The largest planet?"
                options: ["Jupiter", "Mars", "Venus"]
                answer: "Jupiter"
            """;
    private static final int QUESTIONS = 5;
    /** A phone's seat is back within this long after its edge is killed. */
    private static final Duration BACK = Duration.ofSeconds(15);
    /** A node's first scrape of its metrics can take seconds on two cores shared with other builds. */
    private static final Duration SCRAPE = Duration.ofSeconds(30);

    private final Vertx vertx = Vertx.vertx();
    private final List<WsClient> clients = new ArrayList<>();
    private Postgres.Database database;
    private ClusterNodes cluster;

    @BeforeAll
    void startCluster() throws IOException {
        Path banks = Files.createTempDirectory("quizroom-edge-banks");
        Files.writeString(banks.resolve("edge-bank.yaml"), BANK);
        database = Postgres.shared().newDatabase();
        Map<String, String> env = new HashMap<>(database.env());
        env.put("QUIZROOM_BANKS", banks.toString());
        env.put("QUIZROOM_JOINS_PER_SECOND", "10000");
        env.put("QUIZROOM_JOIN_BURST", "10000");
        // The server as Main runs it, without Main's warm-up games: three JVMs start sooner on two busy cores.
        cluster = ClusterNodes.start(3, env, FixedPinServer.class.getName());
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
        clients.clear();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        vertx.close();
    }

    @Test
    @Order(1)
    void aGameWithPlayersOnThreeNodesEndsAsTheSameGameOnOneNode() throws Exception {
        ServerProcess a = cluster.node(0);
        Played spread = playWholeGame(List.of(a, a, cluster.node(1), cluster.node(1), cluster.node(2),
                cluster.node(2)));
        Played alone = playWholeGame(List.of(a, a, a, a, a, a));

        assertEquals(alone.podium, spread.podium, "names, scores and ranks of the podium");
        for (int k = 0; k < 6; k++) {
            assertEquals(k * 1000, spread.podium.get("P" + k).getInteger("score"), spread.podium.toString());
            assertEquals(6 - k, spread.podium.get("P" + k).getInteger("rank"));
        }
        Map<String, JsonObject> reportSpread = answers(spread.gameId);
        Map<String, JsonObject> reportAlone = answers(alone.gameId);
        assertEquals(6 * QUESTIONS, reportSpread.size(), "every answer of every player is in the report");
        assertEquals(reportAlone.keySet(), reportSpread.keySet());
        for (String key : reportAlone.keySet()) {
            JsonObject one = reportAlone.get(key);
            JsonObject many = reportSpread.get(key);
            // Stored in displayed indices, which each game shuffles its own way: the credit says it is the same answer.
            assertEquals(one.getDouble("credit"), many.getDouble("credit"), key);
            // Each phone answered as soon as its question opened: well within a second on either.
            assertTrue(many.getLong("ms") < 3_000 && one.getLong("ms") < 3_000, key + ": " + one + " " + many);
        }
        // The game's end (status, final scores) is one write: once it is there, so are the scores.
        assertEquals("finished", gameStatus(spread.gameId));
        assertEquals("finished", gameStatus(alone.gameId));
        assertEquals(finalScores(alone.gameId), finalScores(spread.gameId), "final scores and ranks in the report");
    }

    @Test
    @Order(2)
    void aQuestionsBusTrafficGrowsWithTheNodesNotThePlayers() throws Exception {
        Traffic few = busMessagesForOneQuestion(30);
        Traffic many = busMessagesForOneQuestion(300);
        System.out.println("bus messages for one question: 30 players " + few + ", 300 players " + many);
        // Owner to each edge: the question opening, then the results; each edge to the owner: its answers. Besides,
        // each edge's running count while answers come in, at most every 200 ms: bounded by time, not players.
        assertTrue(few.messages() >= 6, "the edges took part: " + few);
        long counts = 2 * (many.answeringMs() / 200 + 2);
        assertTrue(many.messages() <= few.messages() + counts, "300 players: " + many + "; 30 players: " + few);
        assertTrue(many.messages() < 300 / 5, "far fewer bus messages than players: " + many);
    }

    @Test
    @Order(3)
    void aHostOnAnEdgeIsRelayedToTheOwner() throws Exception {
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        JsonObject created = new JsonObject(a.post("/api/games", new JsonObject().put("bankId", "edge-bank")
                .put("readingSeconds", 0).put("timeLimit", 60).encode(), Duration.ofSeconds(30)).body());
        WsClient host = client(b);
        host.send(new JsonObject().put("type", "host").put("pin", created.getString("pin"))
                .put("hostToken", created.getString("hostToken")));
        assertEquals(created.getLong("gameId"), host.await("hosting").getLong("gameId"));
        host.await("lobby");
        WsClient phone = client(cluster.node(2));
        phone.send(new JsonObject().put("type", "join").put("pin", created.getString("pin")).put("name", "Ana"));
        int ana = phone.await("joined").getInteger("playerId");
        assertEquals(ana, host.await("playerJoined").getJsonObject("player").getInteger("id"));
        host.send(command("start"));
        phone.send(answer(Game.opened(phone), true));
        assertTrue(phone.await("answerAck").getBoolean("saved"));
        assertEquals(1, host.await("reveal").getInteger("answered"));
        host.send(new JsonObject().put("type", "kick").put("playerId", ana));
        phone.await("kicked");
        assertEquals(4001, phone.awaitClose());
        assertEquals(0, host.await("playerLeft").getInteger("count"));
    }

    @Test
    @Order(4)
    void playersOfAKilledEdgeComeBackThroughAnotherNodeWithTheirScores() throws Exception {
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        ServerProcess c = cluster.node(2);
        Game game = Game.create(a, vertx, clients, 15);
        Map<String, WsClient> players = new LinkedHashMap<>();
        for (String name : List.of("A1", "B1", "B2", "C1", "C2")) {
            players.put(name, game.join(name.startsWith("A") ? a : name.startsWith("B") ? b : c, name));
        }
        assertTrue(edgeRooms(b) >= 1, "node B serves the room as an edge");
        Set<String> acknowledged = new HashSet<>();
        game.host.send(command("start"));
        for (Map.Entry<String, WsClient> p : players.entrySet()) {
            JsonObject question = Game.opened(p.getValue());
            p.getValue().send(answer(question, true));
            assertTrue(p.getValue().await("answerAck").getBoolean("saved"));
            acknowledged.add(p.getKey() + "/0");
        }
        for (WsClient p : players.values()) {
            assertEquals(1000, p.await("result").getInteger("score"));
        }
        game.host.send(command("next"));
        game.host.send(command("next"));
        Map<String, JsonObject> opened = new HashMap<>();
        players.forEach((name, p) -> opened.put(name, Game.opened(p)));
        for (String name : List.of("A1", "B1", "C1")) {
            players.get(name).send(answer(opened.get(name), true));
            assertTrue(players.get(name).await("answerAck").getBoolean("saved"));
            acknowledged.add(name + "/1");
        }
        // The host's live count includes the answers the edges hold (B1's on B, C1's on C) before they send them.
        awaitCount(game.host, 1, 3);

        c.kill9();
        long killed = System.nanoTime();
        for (String name : List.of("C1", "C2")) {
            players.get(name).awaitClose();
        }
        Map<String, WsClient> back = new HashMap<>();
        for (String name : List.of("C1", "C2")) {
            WsClient phone = client(b);
            JsonObject joined = rejoin(phone, game.pin, game.seats.get(name));
            assertEquals("joined", joined.getString("type"), joined.encode());
            assertTrue(System.nanoTime() - killed < BACK.toNanos(), name + " was back within " + BACK);
            JsonObject snapshot = phone.await("question");
            assertEquals(1, snapshot.getInteger("index"));
            back.put(name, phone);
        }
        back.get("C2").send(answer(opened.get("C2"), true));
        assertTrue(back.get("C2").await("answerAck").getBoolean("saved"));
        acknowledged.add("C2/1");
        players.get("B2").send(answer(opened.get("B2"), false));
        assertTrue(players.get("B2").await("answerAck").getBoolean("saved"));
        acknowledged.add("B2/1");

        // C1's answer was acknowledged by the killed node before it sent it: the owner reads it back from the
        // database. C1 does not answer again (its phone had the acknowledgement): the question closes at its deadline.
        JsonObject c1 = awaitResult(back.get("C1"));
        JsonObject c2 = awaitResult(back.get("C2"));
        assertEquals(2000, c1.getInteger("score"), "C1's score, with the answer the killed node acknowledged");
        assertTrue(c1.getBoolean("correct"));
        assertEquals(2000, c2.getInteger("score"));
        // C2 answered again through B before A noticed C's death and read C's stored answers back (which now hold C2's,
        // stored by B): counted once on the projector, not once from B's running count and again from the database.
        assertEquals(5, game.host.await("reveal").getInteger("answered"));
        List<Integer> counts = hostCounts(game.host, 1);
        assertTrue(counts.stream().allMatch(n -> n <= 5), "no count above the 5 players: " + counts);
        game.host.send(command("next"));
        game.host.send(command("end"));
        game.host.await("podium");
        game.host.send(command("next"));
        game.host.await("finished");

        Set<String> stored = answers(game.gameId).keySet();
        assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);
        assertEquals("finished", gameStatus(game.gameId));
    }

    /**
     * Waits for the host's live count of {@code answered} answers to question {@code index}; a failure lists every
     * count of that question the host got, so that a missing part can be told from a missing send.
     */
    static void awaitCount(WsClient host, int index, int answered) {
        try {
            host.await(m -> "answerCount".equals(m.getString("type")) && m.getInteger("index") == index
                    && m.getInteger("answered") == answered, "a count of " + answered + " answers to question " + index);
        } catch (AssertionError missing) {
            throw new AssertionError(missing.getMessage() + "; the host's counts of question " + index + ": "
                    + hostCounts(host, index), missing);
        }
    }

    /** Every live count of answers to question {@code index} the host got, in order. */
    static List<Integer> hostCounts(WsClient host, int index) {
        return host.frames.stream().map(JsonObject::new)
                .filter(m -> "answerCount".equals(m.getString("type")) && m.getInteger("index") == index)
                .map(m -> m.getInteger("answered")).toList();
    }

    /** A result that comes at a question's deadline, later than a client's usual wait. */
    static JsonObject awaitResult(WsClient phone) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            try {
                return phone.await("result");
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** Plays the five questions with player Pk (k = 0..5) on {@code nodes.get(k)}, right on the first k. */
    private Played playWholeGame(List<ServerProcess> nodes) throws Exception {
        Game game = Game.create(cluster.node(0), vertx, clients, 60);
        List<WsClient> players = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            players.add(game.join(nodes.get(k), "P" + k));
        }
        game.host.send(command("start"));
        for (int q = 0; q < QUESTIONS; q++) {
            for (int k = 0; k < players.size(); k++) {
                WsClient p = players.get(k);
                JsonObject question = Game.opened(p);
                assertEquals(q, question.getInteger("index"));
                p.send(answer(question, q < k));
                assertTrue(p.await("answerAck").getBoolean("saved"), "P" + k + " question " + q);
            }
            for (WsClient p : players) {
                assertEquals(q, p.await("result").getInteger("index"));
            }
            game.host.await("reveal");
            game.host.send(command("next"));
            game.host.await("leaderboard");
            game.host.send(command("next"));
        }
        JsonArray ranking = game.host.await("podium").getJsonArray("ranking");
        for (WsClient p : players) {
            p.await("final");
        }
        game.host.send(command("next"));
        game.host.await("finished");
        Map<String, JsonObject> podium = new TreeMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            JsonObject s = ranking.getJsonObject(i);
            podium.put(s.getString("name"), new JsonObject().put("score", s.getInteger("score"))
                    .put("rank", s.getInteger("rank")));
        }
        return new Played(game.gameId, podium);
    }

    private record Played(long gameId, Map<String, JsonObject> podium) {
    }

    /** The bus messages one question cost, and how long its answers took to come in. */
    private record Traffic(long messages, long answeringMs) {
    }

    /** Bus messages the three nodes send for one question of a room whose players are spread evenly over them. */
    private Traffic busMessagesForOneQuestion(int playerCount) throws Exception {
        Game game = Game.create(cluster.node(0), vertx, clients, 60);
        List<WsClient> players = new ArrayList<>();
        for (int k = 0; k < playerCount; k++) {
            WsClient p = client(cluster.node(k % 3));
            p.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "N" + k));
            players.add(p);
        }
        for (WsClient p : players) {
            p.await("joined");
        }
        for (int k = 0; k < playerCount; k++) {
            game.host.await("playerJoined");
        }
        long before = busSent();
        long started = System.nanoTime();
        game.host.send(command("start"));
        for (WsClient p : players) {
            p.send(answer(Game.opened(p), true));
        }
        for (WsClient p : players) {
            assertTrue(p.await("answerAck").getBoolean("saved"));
        }
        for (WsClient p : players) {
            p.await("result");
        }
        game.host.await("reveal");
        long answeringMs = (System.nanoTime() - started) / 1_000_000;
        long sent = busSent() - before;
        game.host.send(command("end"));
        game.host.await("podium");
        players.forEach(WsClient::close);
        return new Traffic(sent, answeringMs);
    }

    private static double edgeRooms(ServerProcess node) throws IOException {
        return node.get("/metrics", SCRAPE).body().lines().filter(l -> l.startsWith("quizroom_cluster_rooms_edge{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private long busSent() throws IOException {
        long total = 0;
        for (ServerProcess node : cluster.nodes()) {
            String metrics = node.get("/metrics", SCRAPE).body();
            total += metrics.lines().filter(l -> l.startsWith("quizroom_cluster_bus_sent_total{"))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
        return total;
    }

    /** The answer to the question a phone was shown: right, or wrong; chosen by the options' texts. */
    static JsonObject answer(JsonObject question, boolean right) {
        JsonObject answer = new JsonObject().put("type", "answer").put("question", question.getInteger("index"))
                .put("nonce", "n" + question.getInteger("index"));
        JsonArray options = question.getJsonArray("options");
        return switch (question.getInteger("index")) {
            case 0 -> answer.put("option", indexOf(options, right ? "Paris" : "Lyon"));
            case 1 -> answer.put("option", indexOf(options, right ? "False" : "True"));
            case 2 -> answer.put("options", right ? new JsonArray().add(indexOf(options, "2")).add(indexOf(options, "3"))
                    : new JsonArray().add(indexOf(options, "4")));
            case 3 -> answer.put("value", right ? 42.0 : 7.0);
            default -> answer.put("option", indexOf(options, right ? "Jupiter" : "Mars"));
        };
    }

    private static int indexOf(JsonArray options, String text) {
        for (int i = 0; i < options.size(); i++) {
            if (options.getString(i).equalsIgnoreCase(text)) {
                return i;
            }
        }
        throw new AssertionError("no option '" + text + "' in " + options);
    }

    static JsonObject command(String type) {
        return new JsonObject().put("type", type);
    }

    private static JsonObject rejoin(WsClient phone, String pin, String seatToken) {
        phone.send(new JsonObject().put("type", "rejoin").put("pin", pin).put("seatToken", seatToken));
        return phone.await(m -> "joined".equals(m.getString("type")) || "error".equals(m.getString("type")),
                "a rejoin answer");
    }

    private WsClient client(ServerProcess node) {
        WsClient c = WsClient.connect(vertx, node.port());
        clients.add(c);
        return c;
    }

    /** Each stored answer of a game by "name/question": its answer, credit and time. */
    private Map<String, JsonObject> answers(long gameId) throws SQLException {
        Map<String, JsonObject> found = new TreeMap<>();
        database.eachRow("SELECT p.nickname, a.question_idx, a.answer_json, a.credit, a.response_ms FROM answers a"
                + " JOIN players p ON p.game_id = a.game_id AND p.player_id = a.player_id WHERE a.game_id = ?", gameId,
                rs -> found.put(rs.getString(1) + "/" + rs.getInt(2), new JsonObject().put("answer", rs.getString(3))
                        .put("credit", rs.getDouble(4)).put("ms", rs.getLong(5))));
        return found;
    }

    private Map<String, String> finalScores(long gameId) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        database.eachRow("SELECT nickname, final_score, final_rank FROM players WHERE game_id = ?", gameId,
                rs -> found.put(rs.getString(1), rs.getInt(2) + " #" + rs.getInt(3)));
        return found;
    }

    /** The game's status once it is "finished", or what it is after 10 s (the owner's writes are queued). */
    private String gameStatus(long gameId) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status = database.single("SELECT status FROM games WHERE id = " + gameId);
        while (!"finished".equals(status) && System.nanoTime() < deadline) {
            // Another process's queued write: nothing to block on but polling.
            Thread.sleep(100);
            status = database.single("SELECT status FROM games WHERE id = " + gameId);
        }
        return status;
    }

    /** A game created on a node, its host attached there. */
    static final class Game {
        final String pin;
        final String hostToken;
        final long gameId;
        final WsClient host;
        final Vertx vertx;
        final List<WsClient> clients;
        final Map<String, String> seats = new HashMap<>();

        private Game(JsonObject created, WsClient host, Vertx vertx, List<WsClient> clients) {
            this.pin = created.getString("pin");
            this.hostToken = created.getString("hostToken");
            this.gameId = created.getLong("gameId");
            this.host = host;
            this.vertx = vertx;
            this.clients = clients;
        }

        static Game create(ServerProcess node, Vertx vertx, List<WsClient> clients, int timeLimit)
                throws IOException {
            JsonObject created = new JsonObject(node.post("/api/games", new JsonObject().put("bankId", "edge-bank")
                    .put("readingSeconds", 0).put("timeLimit", timeLimit).put("scoring", "accuracy")
                    .put("shuffleQuestions", false).put("classSize", 300).encode(), Duration.ofSeconds(30)).body());
            assertTrue(created.containsKey("pin"), created.encode());
            WsClient host = WsClient.connect(vertx, node.port());
            clients.add(host);
            host.send(new JsonObject().put("type", "host").put("pin", created.getString("pin"))
                    .put("hostToken", created.getString("hostToken")));
            host.await("hosting");
            host.await("lobby");
            return new Game(created, host, vertx, clients);
        }

        WsClient join(ServerProcess node, String name) {
            WsClient p = WsClient.connect(vertx, node.port());
            clients.add(p);
            p.send(new JsonObject().put("type", "join").put("pin", pin).put("name", name));
            JsonObject joined = p.await("joined");
            assertFalse(joined.getString("seatToken").isEmpty());
            seats.put(name, joined.getString("seatToken"));
            host.await("playerJoined");
            return p;
        }

        /** The question a phone was shown, once answers to it are open. */
        static JsonObject opened(WsClient phone) {
            JsonObject question = phone.await("question");
            if (!"answering".equals(question.getString("phase"))) {
                phone.await("answering");
            }
            return question;
        }
    }
}
