package app.quizroom.cluster;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static app.quizroom.cluster.EdgeServingTest.answer;
import static app.quizroom.cluster.EdgeServingTest.command;
import static app.quizroom.support.FailoverCluster.TAKEN_OVER;
import static app.quizroom.support.FailoverCluster.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone never loses its seat during a planned hand-over (docs/cluster.md §8): three real server JVMs on one
 * embedded PostgreSQL database, a room owned by A whose successor is B (the test picks such a PIN), its host and a
 * player on A and two players on C, an edge of A. During a question A is sent SIGTERM, and meanwhile C's two players
 * rejoin through C over and over, a new socket each time, from before the signal until A has exited: whatever
 * moment a rejoin reaches C (A still running the room, A having stopped it while the PIN map still names A, B
 * holding it, C's edge room for A left behind), it is seated or closed with 4004 to reconnect, never told its room
 * is gone, and each rejoin seated is seated as its own player. Then everyone is back, the answer acknowledged
 * through C before the hand-over counts, and the game ends on its podium at B with the report naming the hand-over
 * as planned. About 40 s.
 */
@Tag("slow")
class HandoverThroughEdgeTest {

    @RegisterExtension
    final Started started = new Started();
    private FailoverCluster cluster;

    @Test
    void phonesRejoiningThroughAnEdgeWhileTheirRoomIsHandedOverKeepTheirSeats() throws Exception {
        String pin = FailoverPlay.pinWhoseSuccessorIs("node-1", List.of("node-1", "node-2"));
        cluster = started.keep(FailoverPlay.start(3, Map.of("QUIZROOM_DRAIN_SECONDS", "60"), pin));
        ServerProcess a = cluster.node(0);
        ServerProcess b = cluster.node(1);
        ServerProcess c = cluster.node(2);
        EdgeServingTest.Game game = EdgeServingTest.Game.create(a, cluster.vertx(), cluster.clients(), 60);
        assertEquals(pin, game.pin);
        Map<String, WsClient> players = FailoverPlay.joinAtHomes(cluster, game, "A1", "C1", "C2");
        game.host.send(command("start"));
        Map<String, JsonObject> opened = new LinkedHashMap<>();
        players.forEach((name, p) -> opened.put(name, EdgeServingTest.Game.opened(p)));
        Set<String> acknowledged = new TreeSet<>();
        players.get("C1").send(answer(opened.get("C1"), true));
        assertTrue(players.get("C1").await("answerAck").getBoolean("saved"));
        acknowledged.add("C1/0");
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String name : List.of("C1", "C2")) {
            WsClient first = cluster.client(c);
            first.send(FailoverCluster.rejoin(pin, game.seats.get(name)));
            ids.put(name, first.await("joined").getInteger("playerId"));
            first.close();
        }

        AtomicBoolean go = new AtomicBoolean(true);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, WsClient> last = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> loops = new ArrayList<>();
        for (String name : List.of("C1", "C2")) {
            Thread loop = new Thread(() -> last.put(name, rejoinUntilStopped(c, pin, game.seats.get(name),
                    ids.get(name), name, go, outcomes)), "rejoin-" + name);
            loop.start();
            loops.add(loop);
        }
        assertTrue(within(TAKEN_OVER, () -> seatedEach(outcomes, 0, 3)),
                "rejoins served by A through C before the hand-over: " + outcomes);
        a.terminate();
        assertEquals(4004, game.host.awaitClose(), "the projector is told to reconnect");
        assertTrue(a.awaitExit(30), "the drained node exits once it owns no room\n" + a.logTail());
        int afterExit = outcomes.size();
        assertTrue(within(TAKEN_OVER, () -> seatedEach(outcomes, afterExit, 3)),
                "rejoins through C seated once B is the only owner left: " + outcomes);
        go.set(false);
        for (Thread loop : loops) {
            loop.join(30_000);
        }

        List<String> seen = List.copyOf(outcomes);
        long moved = seen.stream().filter(o -> o.endsWith("closed 4004")).count();
        System.out.println("rejoins through the edge during the hand-over: " + seen.size() + ", seated "
                + seen.stream().filter(o -> o.endsWith("joined")).count() + ", closed with 4004 to reconnect "
                + moved + "; in order: " + seen);
        assertTrue(seen.stream().allMatch(o -> o.endsWith("joined") || o.endsWith("closed 4004")),
                "every rejoin through the edge was seated or told to reconnect, none told its room is gone: " + seen);
        assertTrue(seen.stream().filter(o -> o.startsWith("C1 ")).count() > 5
                && seen.stream().filter(o -> o.startsWith("C2 ")).count() > 5, "the rejoins ran throughout: " + seen);
        assertEquals("node-1", cluster.rowOwner(pin));

        // Everyone back: C's players seated by their last rejoin through C (an edge of B now; each rejoin counted
        // as joined was seated as the same player), the host and A1 on B.
        WsClient host = cluster.reconnect(b, FailoverCluster.host(pin, game.hostToken), "hosting").socket();
        Map<String, WsClient> back = new LinkedHashMap<>();
        back.put("A1", cluster.reconnect(b, FailoverCluster.rejoin(pin, game.seats.get("A1")), "joined").socket());
        back.put("C1", last.get("C1"));
        back.put("C2", last.get("C2"));
        back.forEach((name, p) -> assertEquals(0, p.await("question").getInteger("index"),
                name + " is shown the question in play"));
        for (String name : List.of("A1", "C2")) {
            back.get(name).send(answer(opened.get(name), true));
            assertTrue(back.get(name).await("answerAck").getBoolean("saved"), name);
            acknowledged.add(name + "/0");
        }
        host.await("reveal");
        assertEquals(Map.of("A1", 1000, "C1", 1000, "C2", 1000), FailoverPlay.endOnPodium(host),
                "every acknowledged answer counts, C1's taken through C before the hand-over too");
        assertTrue(within(TAKEN_OVER, () -> FailoverCluster.report(b, game.gameId, game.hostToken)
                .getJsonObject("game").getString("status").equals("finished")));
        FailoverPlay.assertFinishedAt(cluster, b, "node-1", "planned", game, acknowledged);
    }

    /** Whether C1 and C2 have each been seated at least {@code times} times by the rejoins from the {@code from}th on. */
    private static boolean seatedEach(List<String> outcomes, int from, int times) {
        List<String> since = new ArrayList<>(outcomes);
        since = since.subList(Math.min(from, since.size()), since.size());
        for (String name : List.of("C1", "C2")) {
            if (since.stream().filter((name + " joined")::equals).count() < times) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rejoins through {@code node} with a new socket every 20 ms or so until {@code go} turns false, adding each
     * outcome to {@code outcomes} as "name joined" (seated as {@code playerId}), "name closed CODE", "name error
     * CODE" or "name silent"; the socket of the last rejoin seated is kept until the next one is, and returned.
     */
    private WsClient rejoinUntilStopped(ServerProcess node, String pin, String seatToken, int playerId, String name,
                                    AtomicBoolean go, List<String> outcomes) {
        WsClient seated = null;
        while (go.get()) {
            WsClient socket = cluster.client(node);
            socket.send(FailoverCluster.rejoin(pin, seatToken));
            String outcome;
            try {
                JsonObject answer = socket.await(m -> "joined".equals(m.getString("type"))
                        || "error".equals(m.getString("type")), "joined or an error");
                if ("joined".equals(answer.getString("type")) && answer.getInteger("playerId") == playerId) {
                    outcome = "joined";
                } else {
                    outcome = "error " + answer.getString("code", answer.encode());
                }
            } catch (AssertionError closedOrSilent) {
                Short code = socket.awaitClose(1_000);
                outcome = code == null ? "silent" : "closed " + code;
            }
            outcomes.add(name + " " + outcome);
            if ("joined".equals(outcome)) {
                if (seated != null) {
                    seated.close();
                }
                seated = socket;
            } else {
                socket.close();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seated;
            }
        }
        // Kept open: a player leaving while every other one connected has answered would close the question.
        return seated;
    }
}
