package app.quizroom.cluster;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static app.quizroom.cluster.EdgeServingTest.command;
import static app.quizroom.support.FailoverCluster.TAKEN_OVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two live nodes racing to take one room over (docs/cluster.md §7): three real server JVMs on one embedded
 * PostgreSQL database, a room owned by A with players on A and C; A is killed with SIGKILL during a question, and at
 * the same moment the host reconnects to B and A's player to C. Each node may start a takeover; the epoch fence lets
 * exactly one run the room, the other serves its phone as an edge of the winner, the database names one owner, and
 * the game finishes there with the answer acknowledged before the death. About 50 s.
 */
@Tag("slow")
class SimultaneousTakeoverTest {

    @RegisterExtension
    final Started started = new Started();
    private FailoverCluster cluster;

    @Test
    void reconnectionsReachingTwoNodesAtOnceLeaveTheRoomWithOneOwner() throws Exception {
        cluster = started.keep(FailoverPlay.start(3, Map.of()));
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        ServerProcess c = cluster.node(2);
        EdgeServingTest.Game game = EdgeServingTest.Game.create(a, cluster.vertx(), cluster.clients(), 60);
        Map<String, WsClient> players = FailoverPlay.joinAtHomes(cluster, game, "A1", "C1");
        game.host.send(command("start"));
        Set<String> acknowledged = new TreeSet<>();
        FailoverPlay.answerRight("A1", players.get("A1"), acknowledged);

        a.kill9();
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<WsClient> host = CompletableFuture.supplyAsync(() -> {
            await(together);
            return reconnect(b, FailoverCluster.host(game.pin, game.hostToken), "hosting");
        });
        CompletableFuture<WsClient> a1Back = CompletableFuture.supplyAsync(() -> {
            await(together);
            return reconnect(c, FailoverCluster.rejoin(game.pin, game.seats.get("A1")), "joined");
        });
        WsClient projector = host.get(TAKEN_OVER.toSeconds() + 10, TimeUnit.SECONDS);
        Map<String, WsClient> back = new LinkedHashMap<>();
        back.put("A1", a1Back.get(TAKEN_OVER.toSeconds() + 10, TimeUnit.SECONDS));
        back.put("C1", cluster.reconnect(c, FailoverCluster.rejoin(game.pin, game.seats.get("C1")), "joined")
                .socket());

        String owner = cluster.rowOwner(game.pin);
        assertTrue(List.of("node-1", "node-2").contains(owner), "one of the live nodes holds the room: " + owner);
        ServerProcess running = "node-1".equals(owner) ? b : c;
        ServerProcess edge = running == b ? c : b;
        System.out.println("two reconnections at once: " + owner + " runs the room");
        assertEquals("1", cluster.database().single("SELECT count(*) FROM live_rooms WHERE pin = '" + game.pin + "'"));
        assertEquals(owner, cluster.database().single("SELECT owner_node FROM games WHERE id = " + game.gameId));
        assertEquals(1.0, FailoverCluster.metric(running, "quizroom_cluster_rooms_owned"));
        assertEquals(0.0, FailoverCluster.metric(edge, "quizroom_cluster_rooms_owned"), "the other runs no room");
        assertEquals(1.0, FailoverCluster.metric(edge, "quizroom_cluster_rooms_edge"), "it serves its phone as an edge");
        assertEquals(1.0, FailoverCluster.metric(b, "quizroom_cluster_takeovers_total")
                + FailoverCluster.metric(c, "quizroom_cluster_takeovers_total"), "one takeover in all");

        // The game goes on at its one owner. Every connected player has answered (C1 came back last) or the
        // deadline passes: the question closes with A1's answer kept, and the game ends on its podium.
        projector.await("reveal");
        assertEquals(Map.of("A1", 1000, "C1", 0), FailoverPlay.endOnPodium(projector),
                "A1's answer before the death counts");

        FailoverPlay.assertFinishedAt(cluster, running, owner, game, acknowledged);
    }

    private WsClient reconnect(ServerProcess node, JsonObject hello, String wanted) {
        try {
            return cluster.reconnect(node, hello, wanted).socket();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
