package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.IdleSockets;
import app.quizroom.support.RawWebSocket;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoublePredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idle TCP connections meant to use up the server's file descriptors, over real sockets with small caps set through
 * Config: from one address they stop at QUIZROOM_CONNECTIONS_PER_ADDRESS while a phone from another address still
 * joins; from many addresses they stop at QUIZROOM_MAX_CONNECTIONS while the game in progress goes on (answers saved)
 * and new phones get in once the flood is gone. Connections over a cap are closed as soon as they are accepted.
 * The attackers' connections come from other loopback addresses (127.0.0.2, …) than the class's (127.0.0.1).
 */
class ConnectionFloodTest {

    private static final int MAX = 50;
    private static final int PER_ADDRESS = 20;

    @RegisterExtension
    final TestServer server = TestServer.start(Map.of("QUIZROOM_MAX_CONNECTIONS", Integer.toString(MAX),
            "QUIZROOM_CONNECTIONS_PER_ADDRESS", Integer.toString(PER_ADDRESS), "QUIZROOM_HANDSHAKE_SECONDS", "600"));
    private final IdleSockets flood = new IdleSockets(server.port);

    @AfterEach
    void closeFlood() {
        flood.close();
    }

    /** A metric's value from the server's registry (no HTTP: the flood may have every connection taken). */
    private double metric(String name, String reason) {
        return IdleSockets.metric(server.server.scrapeMetrics(), name, reason);
    }

    /** Polls the server's registry until the metric is as wanted (the server counts before it closes). */
    private void awaitMetric(String name, String reason, DoublePredicate wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
        double value = metric(name, reason);
        while (!wanted.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + name + " " + reason + " is " + value + "; "
                        + server.server.scrapeMetrics().lines().filter(l -> l.contains("connection")).toList());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            value = metric(name, reason);
        }
    }

    private static final String REFUSED = "quizroom_connections_refused_total";
    private static final String OPEN = "quizroom_connections_open";

    @Test
    void idleConnectionsFromOneAddressStopAtItsCapAndAPhoneFromAnotherStillJoins() throws IOException {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        game.join("Ana");

        flood.open("127.0.0.2", 3 * PER_ADDRESS);
        awaitMetric(REFUSED, "too_many_from_address", v -> v == 2 * PER_ADDRESS,
                "every connection past the address's cap is closed");
        assertEquals(0, metric(REFUSED, "too_many_connections"));
        assertTrue(metric(OPEN, null) <= MAX);
        // The refused ones are closed at once: the sockets past the cap see the end of the stream.
        for (Socket refused : flood.sockets().subList(PER_ADDRESS, flood.sockets().size())) {
            refused.setSoTimeout(5_000);
            assertEquals(-1, refused.getInputStream().read(), "closed by the server");
        }

        // The class, from another address, is not held up: a phone joins and the host sees it.
        WsClient ben = game.join("Ben");
        assertEquals(2 * PER_ADDRESS, metric(REFUSED, "too_many_from_address"), "nothing of ours was refused");

        flood.close();
        awaitMetric(OPEN, null, v -> v == 3, "closed connections are counted out");
    }

    @Test
    void everyWayAWebSocketEndsGivesItsConnectionBack() throws IOException {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        WsClient ana = game.join("Ana");
        awaitMetric(OPEN, null, v -> v == 2, "the host and Ana");
        // Closed by the phone, with a close frame.
        WsClient ben = game.join("Ben");
        ben.close();
        // Closed by the server: kicked (4001).
        WsClient cy = game.join("Cy");
        game.host().send(new JsonObject().put("type", "kick").put("playerId", game.playerId(cy)));
        assertEquals((short) 4001, cy.awaitClose());
        // Dropped: the TCP connection of an upgraded socket closes with no close frame.
        RawWebSocket dropped = RawWebSocket.connect(server.port);
        dropped.sendText(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Dee").encode());
        dropped.awaitText("joined", 5_000);
        dropped.close();
        awaitMetric(OPEN, null, v -> v == 2, "each of them is counted out");
        ana.sync();
    }

    @Test
    void aFloodFromManyAddressesStopsAtTheServersCapWhileTheGameGoesOn() throws IOException {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment")
                .put("readingSeconds", 0));
        WsClient ana = game.join("Ana");
        game.command("start");
        ana.await("answering");

        // Four addresses, each within its own cap: together more than the server holds.
        for (String from : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5")) {
            flood.open(from, PER_ADDRESS);
        }
        awaitMetric(REFUSED, "too_many_connections", v -> v >= 4 * PER_ADDRESS - MAX,
                "connections past the server's cap are closed");
        awaitMetric(OPEN, null, v -> v == MAX, "the server holds its cap of connections, no more");
        assertEquals(0, metric(REFUSED, "too_many_from_address"));

        // The game in progress is untouched: the answer is taken and saved.
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "a0"));
        assertEquals(true, ana.await("answerAck").getBoolean("saved"));

        // Once the flood is gone, new phones get in.
        flood.close();
        awaitMetric(OPEN, null, v -> v <= 3, "the flood's connections are counted out as they close");
        game.join("Ben");
    }
}
