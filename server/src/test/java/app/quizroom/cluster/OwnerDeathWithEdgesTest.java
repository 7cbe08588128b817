package app.quizroom.cluster;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static app.quizroom.cluster.EdgeServingTest.answer;
import static app.quizroom.cluster.EdgeServingTest.awaitResult;
import static app.quizroom.cluster.EdgeServingTest.command;
import static app.quizroom.support.FailoverCluster.TAKEN_OVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @RegisterExtension
    final Started started = new Started();

    @Test
    void whenTheOwnerDiesWithPlayersOnEdgesOneOfTheEdgesTakesTheRoomAndTheGameGoesOnToThePodium() throws Exception {
        // B is the room's successor among B and C: it takes the room over at once, or the host's reconnection does.
        String pin = FailoverPlay.pinWhoseSuccessorIs("node-1", List.of("node-1", "node-2"));
        FailoverCluster cluster = started.keep(FailoverPlay.start(3, Map.of(), pin));
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        ServerProcess c = cluster.node(2);

        EdgeServingTest.Game game = EdgeServingTest.Game.create(a, cluster.vertx(), cluster.clients(), 60);
        // Two players on each node: "A1" and "A2" on A (node-0), and so on.
        Map<String, WsClient> players = FailoverPlay.joinAtHomes(cluster, game, "A1", "A2", "B1", "B2", "C1", "C2");
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
        WsClient host = cluster.reconnect(b, FailoverCluster.host(game.pin, game.hostToken), "hosting").socket();
        // A's players rejoin B and C; the others their own node.
        Map<String, ServerProcess> rejoinAt = new LinkedHashMap<>();
        players.keySet().forEach(name -> rejoinAt.put(name, FailoverPlay.home(cluster, name)));
        rejoinAt.put("A1", b);
        rejoinAt.put("A2", c);
        Map<String, WsClient> back = new LinkedHashMap<>();
        for (Map.Entry<String, ServerProcess> r : rejoinAt.entrySet()) {
            back.put(r.getKey(), cluster.reconnect(r.getValue(), FailoverCluster.rejoin(game.pin,
                    game.seats.get(r.getKey())), "joined").socket());
        }
        long backMs = (System.nanoTime() - killed) / 1_000_000;
        assertTrue(backMs < TAKEN_OVER.toMillis(), "the host and every player back within " + TAKEN_OVER);
        String newOwner = cluster.rowOwner(game.pin);
        System.out.println("owner killed: room taken over by " + newOwner + ", host and players back in " + backMs
                + " ms");
        // B, the room's successor, took the room over (at once, or at the host's reconnection), and C serves its
        // phones as an edge of B.
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
        FailoverPlay.nextQuestion(host);

        // Question 2: everyone right, at the new owner and its edge.
        FailoverPlay.playQuestion(host, back, 2, Set.of(), acknowledged);
        Map<String, Integer> finalScores = new HashMap<>();
        expected.forEach((name, score) -> finalScores.put(name, score + 1000));
        assertEquals(finalScores, FailoverPlay.endOnPodium(host), "scores kept across the takeover");

        FailoverPlay.assertFinishedAt(cluster, b, newOwner, game, acknowledged);
    }
}
