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

import static app.quizroom.cluster.EdgeServingTest.answer;
import static app.quizroom.cluster.EdgeServingTest.command;
import static app.quizroom.support.FailoverCluster.TAKEN_OVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planned hand-over on SIGTERM (docs/cluster.md §8): two real server JVMs on one embedded PostgreSQL database,
 * a room owned by A with its host and two players on A and two players on B (served as an edge). During a question,
 * with answers acknowledged on both, A is sent SIGTERM: it saves the room, B takes it over, every socket of the
 * room is closed with 4004 and reconnects to B, the answers acknowledged before count, the game finishes at B, A
 * leaves the cluster and exits, and the report records the takeover as planned. About 40 s.
 */
@Tag("slow")
class PlannedHandoverTest {

    @RegisterExtension
    final Started started = new Started();

    @Test
    void aDrainingOwnerHandsItsRoomToAnotherNodeAndEveryConnectionFollows() throws Exception {
        FailoverCluster cluster = started.keep(FailoverPlay.start(2, Map.of("QUIZROOM_DRAIN_SECONDS", "60")));
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        EdgeServingTest.Game game = EdgeServingTest.Game.create(a, cluster.vertx(), cluster.clients(), 60);
        Map<String, WsClient> players = FailoverPlay.joinAtHomes(cluster, game, "A1", "A2", "B1", "B2");
        game.host.send(command("start"));
        Set<String> acknowledged = new TreeSet<>();
        Map<String, JsonObject> opened = new LinkedHashMap<>();
        players.forEach((name, p) -> opened.put(name, EdgeServingTest.Game.opened(p)));
        for (String name : List.of("A1", "B1")) {
            players.get(name).send(answer(opened.get(name), true));
            assertTrue(players.get(name).await("answerAck").getBoolean("saved"), name);
            acknowledged.add(name + "/0");
        }

        a.terminate();
        long asked = System.nanoTime();
        assertEquals(4004, game.host.awaitClose(), "the projector is told to reconnect");
        for (Map.Entry<String, WsClient> p : players.entrySet()) {
            assertEquals(4004, p.getValue().awaitClose(), p.getKey() + " is told to reconnect");
        }
        WsClient host = cluster.reconnect(b, FailoverCluster.host(game.pin, game.hostToken), "hosting").socket();
        Map<String, WsClient> back = new LinkedHashMap<>();
        for (String name : players.keySet()) {
            FailoverCluster.Reached again = cluster.reconnect(b, FailoverCluster.rejoin(game.pin,
                    game.seats.get(name)), "joined");
            back.put(name, again.socket());
        }
        long backMs = (System.nanoTime() - asked) / 1_000_000;
        System.out.println("SIGTERM: room handed over, host and players back in " + backMs + " ms");
        assertTrue(backMs < TAKEN_OVER.toMillis(), "everyone back within " + TAKEN_OVER);
        assertEquals("node-1", cluster.rowOwner(game.pin));
        assertTrue(a.awaitExit(30), "the drained node exits once it owns no room\n" + a.logTail());
        assertTrue(cluster.nodes().awaitMembers(b, 1, TAKEN_OVER), "and has left the cluster");

        // Question 0 goes on at B: an acknowledged answer is still there, the others answer now.
        back.forEach((name, p) -> assertEquals(0, p.await("question").getInteger("index"),
                name + " is shown the question in play"));
        back.get("A1").send(answer(opened.get("A1"), true));
        assertEquals("already_answered", back.get("A1").await("error").getString("code"));
        back.get("A2").send(answer(opened.get("A2"), true));
        back.get("B2").send(answer(opened.get("B2"), false));
        for (String name : List.of("A2", "B2")) {
            assertTrue(back.get(name).await("answerAck").getBoolean("saved"), name);
            acknowledged.add(name + "/0");
        }
        for (WsClient p : back.values()) {
            FailoverPlay.resultOf(p, 0);
        }
        host.await("reveal");
        FailoverPlay.nextQuestion(host);
        FailoverPlay.playQuestion(host, back, 1, Set.of(), acknowledged);
        assertEquals(Map.of("A1", 2000, "B1", 2000, "A2", 2000, "B2", 1000), FailoverPlay.endOnPodium(host),
                "every acknowledged answer counts");

        FailoverPlay.assertFinishedAt(cluster, b, "node-1", "planned", game, acknowledged);
        assertTrue(b.get("/metrics").body().contains(
                "quizroom_cluster_takeovers_total{cause=\"planned\",node=\"node-1\"} 1.0"));
    }
}
