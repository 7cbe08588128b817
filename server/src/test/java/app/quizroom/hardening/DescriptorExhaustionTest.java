package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.IdleSockets;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.Started;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File-descriptor exhaustion, as attacked: thousands of idle TCP connections against the real server in a JVM of its
 * own whose descriptor limit is 1,024 ({@code ulimit -n}), with the default connection limits (read from that
 * limit at start-up). Without them the process stays out of descriptors ("Too many open files") and a phone's
 * connection is never accepted; with them, one address's connections stop at its cap and the process settles well
 * below the limit, a phone from another address joins, a flood from many addresses stops at the server's cap while
 * the game in progress keeps saving answers, and the server takes new phones once the flood is gone. (A burst of
 * connects may briefly reach the limit before the server has closed the surplus; Netty then pauses accepting for a
 * second, which is why the metrics are polled with retries.)
 */
@Tag("slow")
class DescriptorExhaustionTest {

    private static final int LIMIT = 1024;

    @RegisterExtension
    final Started started = new Started();
    private IdleSockets flood;
    private ServerProcess server;

    private WsClient client() {
        return started.client(server.port());
    }

    /**
     * A phone's connection as the web client makes it: tried again on failure. After a flood, connections the
     * kernel queued while Netty paused its accepts (a second after each "too many open files") are accepted in a
     * burst that can meet the server's cap for a moment, though the count was low just before; a phone that is
     * refused then connects on its next try. Tries for 30 s.
     */
    private WsClient reconnectingClient() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int tries = 1; ; tries++) {
            try {
                WsClient c = client();
                if (tries > 1) {
                    System.out.printf("descriptor exhaustion: the new phone connected on try %d%n", tries);
                }
                return c;
            } catch (IllegalStateException refused) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no new phone could connect after the flood\n" + server.logTail(),
                            refused);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }
    }

    /** A metric from the server's /metrics; NaN if the server did not answer (it may be pausing its accepts). */
    private double metric(String name, String reason) {
        try {
            return IdleSockets.metric(server.get("/metrics").body(), name, reason);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Polls the server's /metrics until the metric is as wanted. */
    private void awaitMetric(String name, String reason, DoublePredicate wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double value;
        while (!wanted.test(value = metric(name, reason))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " " + reason + " is " + value + "\n" + server.logTail());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Polls the server's open descriptors until fewer than {@code most}: closes finish on the event loops. */
    private void awaitDescriptorsBelow(long most) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long held;
        while ((held = descriptors()) >= most) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the flood's descriptors are not given back: " + held + " held");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The descriptors the server process holds now (Linux). */
    private long descriptors() throws IOException {
        try (Stream<Path> open = Files.list(Path.of("/proc/" + server.pid() + "/fd"))) {
            return open.count();
        }
    }

    /** The connection cap the server read from its descriptor limit, as it logged it at start-up. */
    private int loggedCap() throws IOException {
        Matcher m = Pattern.compile("QUIZROOM_MAX_CONNECTIONS=(\\d+) \\(descriptor limit (\\d+)\\)")
                .matcher(Files.readString(server.logFile(), StandardCharsets.UTF_8));
        assertTrue(m.find(), "the start-up log gives the connection cap");
        assertEquals(LIMIT, Integer.parseInt(m.group(2)));
        return Integer.parseInt(m.group(1));
    }

    @Test
    void idleConnectionsCannotTakeTheDescriptorsAPhoneAndTheGameNeed() throws IOException {
        server = started.keep(ServerProcess.start(List.of("-Xmx256m"), Map.of("QUIZROOM_HANDSHAKE_SECONDS", "600"),
                LIMIT));
        int cap = loggedCap();
        assertTrue(cap < LIMIT - 128, "a reserve is kept below the limit: " + cap);
        int perAddress = Math.min(1000, cap / 2);
        flood = started.keep(new IdleSockets(server.port()));

        JsonObject created = new JsonObject(server.post("/api/games",
                "{\"bankId\":\"lenin-enrolment\",\"readingSeconds\":0}").body());
        HostedGame game = HostedGame.attach(created, this::client);
        WsClient ana = client();
        ana.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Ana"));
        ana.await("joined");

        // 3,000 idle connections from one address: all but its cap are closed as they come.
        flood.open("127.0.0.2", 3000);
        awaitMetric("quizroom_connections_refused_total", "too_many_from_address", v -> v == 3000 - perAddress);
        long held = descriptors();
        assertTrue(held < LIMIT - 256, "the process settles well below its limit: " + held + " descriptors");
        WsClient ben = client();
        ben.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Ben"));
        assertEquals("Ben", ben.await("joined").getString("name"), "a phone from another address gets in");

        // Then from four more addresses, each within its cap: the server stops at its own cap, below the limit.
        game.command("start");
        ana.await("answering");
        for (String from : List.of("127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6")) {
            flood.open(from, perAddress);
        }
        ana.send(new JsonObject().put("type", "answer").put("question", 0).put("option", 0).put("nonce", "a0"));
        assertEquals(true, ana.await("answerAck").getBoolean("saved"), "the database still has its descriptors");

        flood.close();
        awaitMetric("quizroom_connections_open", null, v -> v <= 10);
        assertTrue(server.healthy());
        WsClient cy = reconnectingClient();
        cy.send(new JsonObject().put("type", "join").put("pin", game.pin).put("name", "Cy"));
        cy.await("joined");
        assertTrue(metric("quizroom_connections_refused_total", "too_many_connections") > 0,
                "the flood from many addresses met the server's cap");
        awaitDescriptorsBelow(300);
        assertTrue(server.isAlive());
    }
}
