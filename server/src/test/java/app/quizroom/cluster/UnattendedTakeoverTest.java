package app.quizroom.cluster;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static app.quizroom.cluster.EdgeServingTest.command;
import static app.quizroom.support.FailoverCluster.TAKEN_OVER;
import static app.quizroom.support.FailoverCluster.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deterministic successor (docs/cluster.md §7): three real server JVMs on one embedded PostgreSQL database, a
 * room owned by A with a player on each of A, B and C; A is killed with SIGKILL during a question and nobody
 * reconnects. The room's successor among B and C (rendezvous hash of the PIN, the PIN chosen so that it is C, not
 * the first survivor) takes it over within 15 s and closes the question at its deadline, with nobody connected;
 * then the host and the players come back, through B and C, and play on to the podium. A second room of A, whose
 * game was over, is not taken over: its PIN row is freed. About a minute.
 */
@Tag("slow")
class UnattendedTakeoverTest {

    @RegisterExtension
    final Started started = new Started();

    @Test
    void whenTheOwnerDiesAndNobodyReconnectsItsSuccessorRunsTheRoomAndClosesItsQuestion() throws Exception {
        String pin = FailoverPlay.pinWhoseSuccessorIs("node-2", List.of("node-1", "node-2"));
        String overPin = "271828";
        FailoverCluster cluster = started.keep(FailoverPlay.start(3, Map.of(), pin, overPin));
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        ServerProcess c = cluster.node(2);
        EdgeServingTest.Game game = EdgeServingTest.Game.create(a, cluster.vertx(), cluster.clients(), 12);
        assertEquals(pin, game.pin);
        Map<String, WsClient> players = FailoverPlay.joinAtHomes(cluster, game, "A1", "B1", "C1");
        game.host.send(command("start"));
        Set<String> acknowledged = new TreeSet<>();
        FailoverPlay.answerRight("B1", players.get("B1"), acknowledged);

        // A second room on A whose game is over: nobody can go on with it.
        EdgeServingTest.Game over = EdgeServingTest.Game.create(a, cluster.vertx(), cluster.clients(), 12);
        assertEquals(overPin, over.pin);
        over.host.send(command("end"));
        over.host.await("finished");
        assertTrue(within(TAKEN_OVER, () -> String.valueOf(cluster.database().single("SELECT state_json FROM"
                + " live_rooms WHERE pin = '" + overPin + "'")).contains("\"phase\":\"FINISHED\"")));

        a.kill9();
        long killed = System.nanoTime();
        assertTrue(within(TAKEN_OVER, () -> "node-2".equals(cluster.rowOwner(pin))),
                "the successor, C, holds the room within " + TAKEN_OVER + "; the row names " + cluster.rowOwner(pin)
                        + "\n" + c.logTail());
        System.out.println("owner killed: its successor took the room over in "
                + (System.nanoTime() - killed) / 1_000_000 + " ms, nobody connected");
        assertTrue(within(TAKEN_OVER, () -> FailoverCluster.metric(c, "quizroom_cluster_rooms_owned") == 1.0),
                "C runs the room (restored after its row was claimed)");
        // Nobody is connected: the question closes at its deadline at C, which saves the room's new phase.
        assertTrue(within(Duration.ofSeconds(30), () -> String.valueOf(cluster.database().single(
                        "SELECT state_json FROM live_rooms WHERE pin = '" + pin + "'")).contains("\"phase\":\"REVEAL\"")),
                "the question closed at C while nobody was connected");

        assertTrue(within(TAKEN_OVER, () -> cluster.rowOwner(overPin) == null),
                "the PIN row of the room whose game was over is freed, not taken over");

        // Now they come back: the host through B (an edge of C), the players through B and C.
        WsClient host = cluster.reconnect(b, FailoverCluster.host(pin, game.hostToken), "hosting").socket();
        Map<String, WsClient> back = new LinkedHashMap<>();
        back.put("A1", cluster.reconnect(b, FailoverCluster.rejoin(pin, game.seats.get("A1")), "joined").socket());
        back.put("B1", cluster.reconnect(b, FailoverCluster.rejoin(pin, game.seats.get("B1")), "joined").socket());
        back.put("C1", cluster.reconnect(c, FailoverCluster.rejoin(pin, game.seats.get("C1")), "joined").socket());
        host.await("reveal");
        FailoverPlay.nextQuestion(host);
        FailoverPlay.playQuestion(host, back, 1, Set.of(), acknowledged);
        assertEquals(Map.of("B1", 2000, "A1", 1000, "C1", 1000), FailoverPlay.endOnPodium(host),
                "B1's answer before the death counts");

        FailoverPlay.assertFinishedAt(cluster, c, "node-2", "successor", game, acknowledged);
        assertTrue(c.get("/metrics").body().contains(
                "quizroom_cluster_takeovers_total{cause=\"successor\",node=\"node-2\"} 1.0"));
        assertEquals(0.0, FailoverCluster.metric(b, "quizroom_cluster_takeovers_total"), "B took nothing over");
    }
}
