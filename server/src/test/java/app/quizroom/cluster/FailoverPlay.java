package app.quizroom.cluster;

import app.quizroom.support.FailoverCluster;
import app.quizroom.support.FixedPinServer;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.quizroom.cluster.EdgeServingTest.answer;
import static app.quizroom.cluster.EdgeServingTest.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failover tests' cluster, with players named for their home node ("A1" on node 0, "C2" on node 2), and the
 * moves of a game of {@link EdgeServingTest#BANK} that they play after a takeover.
 */
final class FailoverPlay {

    private FailoverPlay() {
    }

    /**
     * {@code nodes} servers on {@link EdgeServingTest#BANK} that draw the PINs {@code pins} first, in order
     * ({@link FixedPinServer}), with {@code env} besides.
     */
    static FailoverCluster start(int nodes, Map<String, String> env, String... pins) throws IOException {
        Map<String, String> settings = new HashMap<>(env);
        settings.put(FixedPinServer.PINS, String.join(",", pins));
        return FailoverCluster.start(nodes, settings, EdgeServingTest.BANK, FixedPinServer.class.getName());
    }

    /** A PIN whose successor among {@code members} is {@code wanted}, found by trying PINs in order. */
    static String pinWhoseSuccessorIs(String wanted, List<String> members) {
        for (int pin = 314_159; ; pin++) {
            if (wanted.equals(Successor.of(Integer.toString(pin), members))) {
                return Integer.toString(pin);
            }
        }
    }

    /** The node a player joins first, named by the first letter of its name: "A1" joins node 0, "C2" node 2. */
    static ServerProcess home(FailoverCluster cluster, String name) {
        return cluster.node(name.charAt(0) - 'A');
    }

    /** Each named player joined at its home node, in the order given. */
    static Map<String, WsClient> joinAtHomes(FailoverCluster cluster, EdgeServingTest.Game game, String... names) {
        Map<String, WsClient> players = new LinkedHashMap<>();
        for (String name : names) {
            players.put(name, game.join(home(cluster, name), name));
        }
        return players;
    }

    /**
     * Every phone answers question {@code index} once answers open (right unless named in {@code wrong}), each
     * acknowledged answer is added to {@code acknowledged} as "name/index"; then every phone gets its result and
     * the host the reveal.
     */
    static void playQuestion(WsClient host, Map<String, WsClient> phones, int index, Set<String> wrong,
                             Set<String> acknowledged) {
        for (Map.Entry<String, WsClient> p : phones.entrySet()) {
            JsonObject question = EdgeServingTest.Game.opened(p.getValue());
            assertEquals(index, question.getInteger("index"), p.getKey());
            p.getValue().send(answer(question, !wrong.contains(p.getKey())));
            assertTrue(p.getValue().await("answerAck").getBoolean("saved"), p.getKey());
            acknowledged.add(p.getKey() + "/" + index);
        }
        for (WsClient p : phones.values()) {
            resultOf(p, index);
        }
        host.await("reveal");
    }

    /** The phone's result for question {@code index} (one shown again on a rejoin, of another question, passed). */
    static JsonObject resultOf(WsClient phone, int index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            try {
                return phone.await(m -> "result".equals(m.getString("type")) && m.getInteger("index", -1) == index,
                        "the result of question " + index);
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** The phone answers the open question right; its acknowledged answer is added as "name/index". */
    static void answerRight(String name, WsClient phone, Set<String> acknowledged) {
        JsonObject question = EdgeServingTest.Game.opened(phone);
        phone.send(answer(question, true));
        assertTrue(phone.await("answerAck").getBoolean("saved"), name);
        acknowledged.add(name + "/" + question.getInteger("index"));
    }

    /**
     * The game's report, read from {@code node}, names {@code newOwner} as the node that took it over, the game is
     * finished, and every acknowledged answer ("name/index") is stored.
     */
    static void assertFinishedAt(FailoverCluster cluster, ServerProcess node, String newOwner,
                                 EdgeServingTest.Game game, Set<String> acknowledged) throws Exception {
        assertFinishedAt(cluster, node, newOwner, null, game, acknowledged);
    }

    /** As above, and the report gives {@code cause} as the takeover's cause ({@code takenOverCause}; any if null). */
    static void assertFinishedAt(FailoverCluster cluster, ServerProcess node, String newOwner, String cause,
                                 EdgeServingTest.Game game, Set<String> acknowledged) throws Exception {
        JsonObject summary = FailoverCluster.report(node, game.gameId, game.hostToken).getJsonObject("game");
        assertEquals(newOwner, summary.getString("takenOverBy"), summary.encode());
        if (cause != null) {
            assertEquals(cause, summary.getString("takenOverCause"), summary.encode());
        } else {
            assertTrue(java.util.List.of("reconnect", "successor", "planned")
                    .contains(summary.getString("takenOverCause")), summary.encode());
        }
        assertNotNull(summary.getLong("takenOverAt"));
        assertEquals("finished", summary.getString("status"));
        assertEquals(acknowledged, cluster.storedAnswers(game.gameId), "every acknowledged answer is stored");
    }

    /** From a reveal to the next question: the leaderboard, then the question. */
    static void nextQuestion(WsClient host) {
        host.send(command("next"));
        host.await("leaderboard");
        host.send(command("next"));
    }

    /** The host ends the game: the podium's scores by name, once the game is finished. */
    static Map<String, Integer> endOnPodium(WsClient host) {
        host.send(command("end"));
        Map<String, Integer> scores = new LinkedHashMap<>();
        host.await("podium").getJsonArray("ranking").forEach(r -> scores.put(((JsonObject) r).getString("name"),
                ((JsonObject) r).getInteger("score")));
        host.send(command("next"));
        host.await("finished");
        return scores;
    }
}
