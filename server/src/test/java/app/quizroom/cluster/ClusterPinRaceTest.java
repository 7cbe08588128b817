package app.quizroom.cluster;

import app.quizroom.support.ClusterNodes;
import app.quizroom.support.FixedPinServer;
import app.quizroom.support.HostedGame;
import app.quizroom.support.Postgres;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server JVMs in one cluster draw their PINs from the same fixed sequence and create games at the same time:
 * every PIN is claimed cluster-wide before its room exists, so no PIN is handed out twice; the node that loses a
 * claim draws the next PIN, and counts the conflict. About 30 s (two JVMs joining a cluster).
 */
@Tag("slow")
class ClusterPinRaceTest {

    private static final int GAMES_PER_NODE = 25;

    @RegisterExtension
    final Started started = new Started();

    /**
     * Two nodes whose PIN maps disagree (each a cluster of its own, as on both sides of a partition) share one
     * PostgreSQL database: its unique PIN row alone keeps them from handing out one PIN twice.
     */
    @Test
    void nodesWhoseMapsDisagreeStillNeverHandOutOnePinTwiceThroughTheDatabase() throws Exception {
        List<String> sequence = IntStream.range(0, 200).mapToObj(i -> Integer.toString(525_200 + i)).toList();
        Map<String, String> env = new java.util.HashMap<>(Postgres.shared().newDatabase().env());
        env.put(FixedPinServer.PINS, String.join(",", sequence));
        env.put("QUIZROOM_NODE_NAME", "left");
        ClusterNodes left = started.keep(ClusterNodes.start(1, env, FixedPinServer.class.getName()));
        env.put("QUIZROOM_NODE_NAME", "right");
        ClusterNodes right = started.keep(ClusterNodes.start(1, env, FixedPinServer.class.getName()));

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<List<JsonObject>> onLeft = CompletableFuture.supplyAsync(
                () -> createGames(left.node(0), go));
        CompletableFuture<List<JsonObject>> onRight = CompletableFuture.supplyAsync(
                () -> createGames(right.node(0), go));
        go.countDown();

        Set<String> pins = new HashSet<>();
        onLeft.get().forEach(game -> pins.add(game.getString("pin")));
        for (JsonObject game : onRight.get()) {
            assertTrue(pins.add(game.getString("pin")), "PIN " + game.getString("pin") + " was handed out twice");
        }
        assertEquals(Set.copyOf(sequence.subList(0, 2 * GAMES_PER_NODE)), pins,
                "the games took the head of the sequence: " + pins.stream().sorted().collect(Collectors.joining(",")));
        // Neither map ever saw the other node: no conflict there, the database settled every race.
        assertEquals(0.0, conflicts(left.node(0)) + conflicts(right.node(0)));
    }

    @Test
    void twoNodesRacingForTheSamePinsNeverHandOutOneTwice() throws Exception {
        List<String> sequence = IntStream.range(0, 200).mapToObj(i -> Integer.toString(424_200 + i)).toList();
        ClusterNodes cluster = started.keep(ClusterNodes.start(2,
                Map.of(FixedPinServer.PINS, String.join(",", sequence)), FixedPinServer.class.getName()));

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<JsonObject>>> creating = cluster.nodes().stream()
                .map(node -> CompletableFuture.supplyAsync(() -> createGames(node, go))).toList();
        go.countDown();
        List<JsonObject> onNode0 = creating.get(0).get();
        List<JsonObject> onNode1 = creating.get(1).get();

        Set<String> pins = new HashSet<>();
        for (JsonObject game : onNode0) {
            pins.add(game.getString("pin"));
        }
        for (JsonObject game : onNode1) {
            assertTrue(pins.add(game.getString("pin")), "PIN " + game.getString("pin") + " was handed out twice");
        }
        assertEquals(2 * GAMES_PER_NODE, pins.size());
        // Both nodes drew from one sequence, so every game took one of its first PINs; a PIN one node won was then
        // a lost draw for the other.
        assertEquals(Set.copyOf(sequence.subList(0, 2 * GAMES_PER_NODE)), pins,
                "the games took the head of the sequence: " + pins.stream().sorted().collect(Collectors.joining(",")));
        double conflicts = conflicts(cluster.node(0)) + conflicts(cluster.node(1));
        assertTrue(conflicts >= GAMES_PER_NODE, "lost claims counted: " + conflicts);

        // Each room is real on the node that won its PIN: its host attaches there and gets the lobby.
        HostedGame first = HostedGame.attach(onNode0.get(0), () -> client(cluster.node(0)));
        HostedGame second = HostedGame.attach(onNode1.get(0), () -> client(cluster.node(1)));
        assertEquals(onNode0.get(0).getString("pin"), first.hosting().getString("pin"));
        assertEquals(onNode1.get(0).getString("pin"), second.hosting().getString("pin"));
    }

    private List<JsonObject> createGames(ServerProcess node, CountDownLatch go) {
        try {
            go.await();
            List<JsonObject> games = new ArrayList<>();
            for (int i = 0; i < GAMES_PER_NODE; i++) {
                HttpResponse<String> created = node.post("/api/games", "{\"bankId\":\"lenin-enrolment\"}",
                        Duration.ofSeconds(30));
                assertEquals(201, created.statusCode(), created.body());
                games.add(new JsonObject(created.body()));
            }
            return games;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double conflicts(ServerProcess node) throws Exception {
        String metrics = node.get("/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("quizroom_cluster_pin_conflicts_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private WsClient client(ServerProcess node) {
        return started.client(node.port());
    }
}
