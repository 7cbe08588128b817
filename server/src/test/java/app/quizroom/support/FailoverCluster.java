package app.quizroom.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the cluster's failover tests share (docs/cluster.md §7, §8): real server JVMs ({@link ClusterNodes}) on a
 * fresh database of the shared embedded PostgreSQL, WebSocket clients closed with it, the loop a phone runs to get
 * back into its room after its node died or moved it, and the reads of the outcome (report, stored answers,
 * metrics, the room's row).
 */
public final class FailoverCluster implements AutoCloseable {

    /** The brief's bound: another node runs the room within this long of its owner's death. */
    public static final Duration TAKEN_OVER = Duration.ofSeconds(15);

    private final Vertx vertx = Vertx.vertx();
    private final List<WsClient> clients = Collections.synchronizedList(new ArrayList<>());
    private final Postgres.Database database;
    private final ClusterNodes cluster;

    private FailoverCluster(Postgres.Database database, ClusterNodes cluster) {
        this.database = database;
        this.cluster = cluster;
    }

    /**
     * @param env  settings for every node besides the database's
     * @param bank a bank's YAML put in a folder of its own as the nodes' QUIZROOM_BANKS; null for the defaults
     */
    public static FailoverCluster start(int nodes, Map<String, String> env, String bank, String mainClass)
            throws IOException {
        Postgres.Database database = Postgres.shared().newDatabase();
        Map<String, String> settings = new HashMap<>(database.env());
        settings.putAll(env);
        if (bank != null) {
            Path banks = Files.createTempDirectory("quizroom-failover-banks");
            Files.writeString(banks.resolve("bank.yaml"), bank);
            settings.put("QUIZROOM_BANKS", banks.toString());
        }
        return new FailoverCluster(database, ClusterNodes.start(nodes, settings, mainClass));
    }

    public ServerProcess node(int index) {
        return cluster.node(index);
    }

    public ClusterNodes nodes() {
        return cluster;
    }

    public Postgres.Database database() {
        return database;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The list every client of the test is kept in, to be closed with the cluster. */
    public List<WsClient> clients() {
        return clients;
    }

    public WsClient client(ServerProcess node) {
        WsClient c = WsClient.connect(vertx, node.port());
        clients.add(c);
        return c;
    }

    /** A socket that reached the room, and the answer to its hello. */
    public record Reached(WsClient socket, JsonObject answer) {
    }

    /**
     * Opens sockets to {@code node} and sends {@code hello} until the answer is {@code wanted}, for at most
     * {@link #TAKEN_OVER}: until a node has taken the room over, the PIN may not be found, or the socket may be
     * closed to reconnect (4004).
     */
    public Reached reconnect(ServerProcess node, JsonObject hello, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TAKEN_OVER.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            WsClient socket = client(node);
            socket.send(hello);
            try {
                JsonObject answer = socket.await(m -> wanted.equals(m.getString("type"))
                        || "error".equals(m.getString("type")), wanted + " or an error");
                if (wanted.equals(answer.getString("type"))) {
                    return new Reached(socket, answer);
                }
                last = answer.encode();
            } catch (AssertionError closedOrSilent) {
                last = closedOrSilent.getMessage() + " (closed " + socket.isClosed() + ")";
            }
            socket.close();
            // Waiting for another process to notice a member leave or take a room: nothing to block on.
            Thread.sleep(300);
        }
        throw new AssertionError("no " + wanted + " from port " + node.port() + " within " + TAKEN_OVER
                + "; last answer " + last + "\n" + node.logTail());
    }

    /** The host's reconnection, with its host token. */
    public static JsonObject host(String pin, String hostToken) {
        return new JsonObject().put("type", "host").put("pin", pin).put("hostToken", hostToken);
    }

    /** A player's reconnection, with its seat token. */
    public static JsonObject rejoin(String pin, String seatToken) {
        return new JsonObject().put("type", "rejoin").put("pin", pin).put("seatToken", seatToken);
    }

    /** {@code GET /api/reports/<game>} as the host (200 expected). */
    public static JsonObject report(ServerProcess node, long gameId, String hostToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + "/api/reports/" + gameId))
                .header("X-Host-Key", hostToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    /** "question/playerId" of every answer a report holds. */
    public static Set<String> reportedAnswers(JsonObject report) {
        Set<String> stored = new TreeSet<>();
        for (Object p : report.getJsonArray("players")) {
            JsonObject player = (JsonObject) p;
            for (Object a : player.getJsonArray("answers")) {
                JsonObject answer = (JsonObject) a;
                if (answer.getValue("answer") != null) {
                    stored.add(answer.getInteger("question") + "/" + player.getInteger("playerId"));
                }
            }
        }
        return stored;
    }

    /** "name/question" of every answer stored for the game. */
    public Set<String> storedAnswers(long gameId) throws SQLException {
        Set<String> found = new TreeSet<>();
        database.eachRow("SELECT p.nickname, a.question_idx FROM answers a JOIN players p ON p.game_id = a.game_id"
                + " AND p.player_id = a.player_id WHERE a.game_id = ?", gameId,
                rs -> found.add(rs.getString(1) + "/" + rs.getInt(2)));
        return found;
    }

    /** The node the PIN's row in {@code live_rooms} names (null when there is none). */
    public String rowOwner(String pin) throws SQLException {
        return database.single("SELECT node FROM live_rooms WHERE pin = '" + pin + "'");
    }

    /** The sum of a metric's series on a node (every tag), as Prometheus shows it; 0 when it has none. */
    public static double metric(ServerProcess node, String name) throws IOException {
        return node.get("/metrics", Duration.ofSeconds(30)).body().lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Polls {@code condition} (another process's state: nothing to block on) until it holds or time is up. */
    public static boolean within(Duration timeout, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.holds();
    }

    /** A condition that may read another process or the database. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** Sends a signal ({@code STOP}, {@code CONT}, ...) to a node's process. */
    public static void signal(String name, ServerProcess node) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(node.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    @Override
    public void close() {
        clients.forEach(WsClient::close);
        cluster.close();
        vertx.close();
    }
}
