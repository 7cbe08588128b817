package app.quizroom.cluster;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.quizroom.support.FailoverCluster.TAKEN_OVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Owner takeover (docs/cluster.md §7) with two real server JVMs on one embedded PostgreSQL: the owner of a room is
 * killed during a question, or suspended and resumed; the other node takes the room over when the host
 * reconnects, the players come back with their seat tokens, and the game goes on with every acknowledged answer.
 * A resumed owner's stale epoch is refused and it gives the room up, closing its sockets with 4004. About 90 s.
 */
@Tag("slow")
class ClusterTakeoverTest {

    private static final String GAME = "{\"bankId\":\"lenin-enrolment\",\"readingSeconds\":0,\"timeLimit\":60,"
            + "\"shuffleQuestions\":false}";

    @RegisterExtension
    final Started started = new Started();
    private FailoverCluster cluster;
    /** The players of {@link #gameInPlay}, in the order named. */
    private List<WsClient> players;

    /** Two nodes; a game created and hosted on node-0, these players joined there, and the game started. */
    private HostedGame gameInPlay(String... names) throws IOException {
        cluster = started.keep(FailoverCluster.start(2, Map.of(), null, "app.quizroom.Main"));
        ServerProcess owner = cluster.node(0);
        HostedGame game = HostedGame.attach(new JsonObject(owner.post("/api/games", GAME, Duration.ofSeconds(30))
                .body()), () -> client(owner));
        players = game.joinAll(names);
        game.command("start");
        return game;
    }

    @Test
    void whenTheOwnerIsKilledAnotherNodeTakesTheRoomOverAndTheGameGoesOnToThePodium() throws Exception {
        HostedGame game = gameInPlay("Ana", "Ben", "Cai");
        ServerProcess owner = cluster.node(0);
        ServerProcess survivor = cluster.node(1);
        players.forEach(p -> p.await("answering"));
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            answer(players.get(i), 0, i);
            assertTrue(players.get(i).await("answerAck").getBoolean("saved"));
            acknowledged.add("0/" + game.playerId(players.get(i)));
        }

        owner.kill9();
        long killedAt = System.nanoTime();
        WsClient host = cluster.reconnect(survivor, FailoverCluster.host(game.pin, game.hostToken), "hosting")
                .socket();
        assertTrue(System.nanoTime() - killedAt < TAKEN_OVER.toNanos(), "taken over within " + TAKEN_OVER);
        JsonObject question = host.await("question");
        assertEquals(0, question.getInteger("index"), "the question in play when the owner died");
        List<WsClient> back = new ArrayList<>();
        for (WsClient p : players) {
            FailoverCluster.Reached again = cluster.reconnect(survivor, FailoverCluster.rejoin(game.pin,
                    game.seatToken(p)), "joined");
            assertEquals(game.playerId(p), again.answer().getInteger("playerId"), "the same seat");
            back.add(again.socket());
        }
        answer(back.get(0), 0, 1);
        assertEquals("already_answered", back.get(0).await("error").getString("code"),
                "an answer acknowledged before the owner died is still there");
        answer(back.get(2), 0, 1);
        assertTrue(back.get(2).await("answerAck").getBoolean("saved"));
        acknowledged.add("0/" + game.playerId(players.get(2)));
        host.await("reveal");

        host.send(new JsonObject().put("type", "next"));
        host.await("leaderboard");
        host.send(new JsonObject().put("type", "next"));
        back.forEach(p -> p.await(m -> "answering".equals(m.getString("type")) && m.getInteger("index", -1) == 1,
                "answers open for question 1"));
        for (int i = 0; i < back.size(); i++) {
            // Question 1 of the bank is numeric.
            back.get(i).send(new JsonObject().put("type", "answer").put("question", 1).put("value", 1000 + i));
            assertTrue(back.get(i).await("answerAck").getBoolean("saved"));
            acknowledged.add("1/" + game.playerId(players.get(i)));
        }
        host.await("reveal");
        host.send(new JsonObject().put("type", "end"));
        JsonObject podium = host.await("podium");
        assertEquals(3, podium.getJsonArray("ranking").size());

        JsonObject report = FailoverCluster.report(survivor, game.gameId(), game.hostToken);
        JsonObject summary = report.getJsonObject("game");
        assertEquals("node-1", summary.getString("takenOverBy"), summary.encode());
        assertNotNull(summary.getLong("takenOverAt"));
        assertEquals("finished", summary.getString("status"));
        assertEquals(acknowledged, FailoverCluster.reportedAnswers(report), "every acknowledged answer is in the report");
        // Its successor's at once, or the host's reconnection's if that came first: one takeover either way.
        assertEquals(1.0, FailoverCluster.metric(survivor, "quizroom_cluster_takeovers_total"));
    }

    @Test
    void aSuspendedOwnerThatResumesFindsItsEpochStaleGivesTheRoomUpAndClosesItsSockets() throws Exception {
        HostedGame game = gameInPlay("Ana", "Ben");
        ServerProcess owner = cluster.node(0);
        ServerProcess other = cluster.node(1);
        players.forEach(p -> p.await("answering"));
        answer(players.get(0), 0, 1);
        assertTrue(players.get(0).await("answerAck").getBoolean("saved"));

        FailoverCluster.signal("STOP", owner);
        WsClient host;
        WsClient ben;
        try {
            assertTrue(cluster.nodes().awaitMembers(other, 1, TAKEN_OVER), "node-1 saw node-0 go silent");
            host = cluster.reconnect(other, FailoverCluster.host(game.pin, game.hostToken), "hosting").socket();
            ben = cluster.reconnect(other, FailoverCluster.rejoin(game.pin, game.seatToken(players.get(1))),
                    "joined").socket();
        } finally {
            FailoverCluster.signal("CONT", owner);
        }
        // The resumed owner's next fence check (every 2 s) or state write finds a newer epoch: it gives the room up.
        assertEquals(4004, game.host().awaitClose(), "the stale owner closes the projector's socket to reconnect");
        assertEquals(4004, players.get(1).awaitClose(), "and the phones'");
        assertEquals("node-1", cluster.database().single("SELECT node FROM live_rooms WHERE pin = '" + game.pin + "'"));
        assertEquals("2", cluster.database().single("SELECT epoch FROM live_rooms WHERE pin = '" + game.pin + "'"));
        String metrics = owner.get("/metrics").body();
        assertTrue(metrics.contains("quizroom_cluster_rooms_moved_total{node=\"node-0\"} 1.0"), metrics);
        assertTrue(metrics.contains("quizroom_cluster_rooms_owned{node=\"node-0\"} 0.0"), "node-0 holds no room");

        // The game goes on at its one owner; the stale one recorded nothing over it.
        answer(ben, 0, 0);
        JsonObject ack = ben.await(m -> "answerAck".equals(m.getString("type")) || "error".equals(m.getString("type")),
                "the answer's acknowledgement");
        assertTrue(ack.getBoolean("saved", false), ack.encode());
        host.await("reveal");
        JsonObject summary = FailoverCluster.report(other, game.gameId(), game.hostToken).getJsonObject("game");
        assertEquals("running", summary.getString("status"), "not ended by the node that gave the room up");
        assertEquals("node-1", summary.getString("takenOverBy"));
    }

    private static void answer(WsClient player, int question, int option) {
        player.send(new JsonObject().put("type", "answer").put("question", question).put("option", option));
    }

    private WsClient client(ServerProcess node) {
        return cluster.client(node);
    }
}
