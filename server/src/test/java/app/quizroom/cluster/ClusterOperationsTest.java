package app.quizroom.cluster;

import app.quizroom.support.ClusterNodes;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three real server JVMs ({@code app.quizroom.Main}) form a cluster: each says it is ready, with the members it
 * sees, and tags its metrics with its name; a node sent SIGTERM with a game in play drains (not ready, no new
 * games, the game plays on) and leaves once the game is over; a suspended node ({@code kill -STOP}) is removed
 * within seconds and merges back when resumed; a node killed with SIGKILL is seen gone. About 60 s.
 */
@Tag("slow")
class ClusterOperationsTest {

    private static final Duration NOTICED = Duration.ofSeconds(15);
    /** Split clusters look for each other every 10 s (HazelcastSetup), and then merge. */
    private static final Duration MERGED = Duration.ofSeconds(45);

    @RegisterExtension
    final Started started = new Started();

    @Test
    void nodesReportReadinessDrainOnSigtermAndNoticeADeadMember() throws Exception {
        ClusterNodes cluster = started.keep(ClusterNodes.start(3, Map.of("QUIZROOM_DRAIN_SECONDS", "120"),
                "app.quizroom.Main"));
        for (int i = 0; i < 3; i++) {
            JsonObject ready = ClusterNodes.ready(cluster.node(i));
            assertNotNull(ready);
            assertEquals(200, ready.getInteger("status"), ready.encode());
            assertEquals("node-" + i, ready.getString("node"));
            assertTrue(ready.getBoolean("ready") && ready.getBoolean("cluster") && ready.getBoolean("joined")
                    && ready.getBoolean("database"), ready.encode());
            assertFalse(ready.getBoolean("draining"));
            assertEquals(3, ready.getInteger("members"));
        }
        ServerProcess first = cluster.node(0);
        String metrics = first.get("/metrics").body();
        assertTrue(metrics.contains("quizroom_cluster_members{node=\"node-0\"} 3.0"), metrics);
        assertTrue(metrics.contains("quizroom_cluster_bus_sent_total{node=\"node-0\"}"), metrics);
        assertTrue(metrics.contains("quizroom_cluster_bus_received_total{node=\"node-0\"}"), metrics);
        assertTrue(metrics.contains("quizroom_cluster_pin_conflicts_total{node=\"node-0\"}"), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("quizroom_players_connected{node=\"node-0\"}")),
                "the game's own metrics carry the node too");

        ServerProcess leaving = cluster.node(2);
        HostedGame game = HostedGame.attach(new JsonObject(leaving.post("/api/games",
                "{\"bankId\":\"lenin-enrolment\",\"readingSeconds\":0,\"timeLimit\":60}", Duration.ofSeconds(30))
                .body()), () -> client(leaving));
        WsClient player = game.join("Ana");
        game.command("start");
        player.await("answering");
        assertTrue(leaving.get("/metrics").body().contains("quizroom_cluster_rooms_owned{node=\"node-2\"} 1.0"));

        leaving.terminate();
        JsonObject draining = awaitReady(leaving, r -> r.getInteger("status") == 503 && r.getBoolean("draining"));
        assertFalse(draining.getBoolean("ready"));
        assertEquals(503, leaving.post("/api/games", "{\"bankId\":\"lenin-enrolment\"}", Duration.ofSeconds(30))
                .statusCode(), "a draining node opens no new game");
        // The game in play goes on: an answer is still taken and acknowledged.
        player.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0));
        assertTrue(player.await("answerAck").getBoolean("saved"));
        assertTrue(leaving.isAlive(), "the node waits for its game");

        game.command("end");
        assertTrue(leaving.awaitExit(30), "the node leaves once its game is over");
        assertTrue(cluster.awaitMembers(first, 2, NOTICED), "node-0 saw node-2 leave");

        // A suspended node sends no heartbeat: it is removed after Hazelcast's 5 s, and merges back once resumed.
        ServerProcess suspended = cluster.node(1);
        signal("STOP", suspended);
        try {
            assertTrue(cluster.awaitMembers(first, 1, NOTICED), "node-0 saw node-1 go silent");
        } finally {
            signal("CONT", suspended);
        }
        assertTrue(cluster.awaitMembers(first, 2, MERGED), "node-1 came back into the cluster");
        assertTrue(cluster.awaitMembers(suspended, 2, MERGED), "node-1 sees node-0 again");

        suspended.kill9();
        assertTrue(cluster.awaitMembers(first, 1, NOTICED), "node-0 saw node-1 die");
        JsonObject alone = ClusterNodes.ready(first);
        assertEquals(200, alone.getInteger("status"), alone.encode());
    }

    private JsonObject awaitReady(ServerProcess node, java.util.function.Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + NOTICED.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = ClusterNodes.ready(node);
            if (last != null && wanted.test(last)) {
                return last;
            }
            // Polling another process's state: nothing to block on.
            Thread.sleep(200);
        }
        throw new AssertionError("not seen within " + NOTICED + "; last /ready: " + last);
    }

    private static void signal(String name, ServerProcess node) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(node.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    private WsClient client(ServerProcess node) {
        return started.client(node.port());
    }
}
