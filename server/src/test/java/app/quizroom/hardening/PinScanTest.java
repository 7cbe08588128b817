package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PIN scanning: guessing six-digit PINs to find a live game. A connection that misses a few times is closed
 * (1008); misses are counted in a metric and, past a server-wide rate, answered {@code rate_limited}; no guess finds
 * anything. A whole class behind one address (NAT) still gets in: lookups of the real PIN are never throttled.
 * Server defaults: QUIZROOM_PIN_FAILURES_PER_SOCKET=5, QUIZROOM_PIN_FAILURES_PER_SECOND=20.
 */
class PinScanTest {

    private static final int PER_SOCKET = 5;
    private static final Set<String> MISS_CODES = Set.of("room_not_found", "rate_limited");

    @RegisterExtension
    final TestServer server = TestServer.start();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private WsClient host;
    private String pin;

    @BeforeEach
    void hostAGame() {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment")
                .put("classSize", 150));
        host = game.host();
        pin = game.pin;
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static JsonObject join(String pin, String name) {
        return new JsonObject().put("type", "join").put("pin", pin).put("name", name);
    }

    /** A random six-digit PIN that is not the real one. */
    private String guess(SplittableRandom random) {
        while (true) {
            String g = String.format("%06d", random.nextInt(1_000_000));
            if (!g.equals(pin)) {
                return g;
            }
        }
    }

    @Test
    void aThousandGuessesFromOneConnectionAreCutOffAfterAFewAndFindNothing() {
        WsClient scanner = server.client();
        SplittableRandom random = new SplittableRandom(1);
        int attempts = 0;
        List<JsonObject> replies = new ArrayList<>();
        Short closedWith = null;
        // One guess at a time, each waiting for its answer or the close, up to 1,000.
        for (int i = 0; i < 1000 && closedWith == null; i++) {
            try {
                scanner.send(join(guess(random), "scanner"));
            } catch (IllegalStateException writeFailed) {
                closedWith = scanner.awaitClose(5_000);
                break;
            }
            attempts++;
            JsonObject reply = scanner.poll(5_000);
            if (reply != null) {
                replies.add(reply);
            } else {
                closedWith = scanner.awaitClose(5_000);
            }
            if (closedWith == null) {
                closedWith = scanner.awaitClose(0);
            }
        }
        if (closedWith == null) {
            closedWith = scanner.awaitClose(5_000);
        }
        assertEquals((short) 1008, closedWith, "the scanning connection is closed for policy");
        assertTrue(attempts <= PER_SOCKET + 1, "closed after " + attempts + " guesses, not " + PER_SOCKET);
        assertTrue(replies.size() <= PER_SOCKET, "answers: " + replies);
        for (JsonObject r : replies) {
            assertEquals("error", r.getString("type"), r.encode());
            assertTrue(MISS_CODES.contains(r.getString("code")), r.encode());
        }
        assertTrue(server.metric("quizroom_pin_failures_total") >= replies.size(),
                "misses are counted in quizroom_pin_failures_total");
    }

    @Test
    @Tag("slow")
    void fiftyScannersAreThrottledAndClosedWhileAClassOf120BehindOneAddressAllGetIn() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        // 50 connections, 20 guesses each, fired without waiting for answers.
        List<Future<WsClient>> scanners = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            int seed = s;
            scanners.add(pool.submit(() -> {
                WsClient c = server.client();
                go.await();
                SplittableRandom random = new SplittableRandom(100 + seed);
                for (int g = 0; g < 20; g++) {
                    try {
                        c.send(join(guess(random), "bot" + seed));
                    } catch (IllegalStateException closedAlready) {
                        break;
                    }
                }
                return c;
            }));
        }
        // Meanwhile 120 students, all from 127.0.0.1, join the real game.
        Map<String, JsonObject> joined = new ConcurrentHashMap<>();
        List<Future<?>> students = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            String name = String.format("Student %03d", k);
            students.add(pool.submit(() -> {
                WsClient c = server.client();
                go.await();
                c.send(join(pin, name));
                joined.put(name, c.await("joined"));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : students) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(120, joined.size(), "every student got a seat");

        int rateLimited = 0;
        int answered = 0;
        for (Future<WsClient> f : scanners) {
            WsClient c = f.get(30, TimeUnit.SECONDS);
            assertEquals((short) 1008, c.awaitClose(10_000), "every scanner is closed");
            List<JsonObject> replies = c.drain();
            assertTrue(replies.size() <= PER_SOCKET, "a scanner got " + replies.size() + " answers: " + replies);
            for (JsonObject r : replies) {
                assertEquals("error", r.getString("type"), "a guess found something: " + r.encode());
                assertTrue(MISS_CODES.contains(r.getString("code")), r.encode());
                if ("rate_limited".equals(r.getString("code"))) {
                    rateLimited++;
                }
                answered++;
            }
        }
        assertTrue(rateLimited > 0, "past 20 misses a second the server answers rate_limited (" + answered
                + " misses answered)");

        // The host saw exactly the 120 students, nobody else.
        List<JsonObject> seen = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            seen.add(host.await("playerJoined"));
        }
        assertEquals(120, seen.get(seen.size() - 1).getInteger("count"));
        assertEquals(120, seen.stream().map(m -> m.getJsonObject("player").getString("name")).distinct().count());
        host.sync();
        assertEquals(Collections.emptyList(), host.drain().stream().filter(m -> "playerJoined".equals(m.getString("type")))
                .toList());

        // While misses are being throttled, one more student mistypes the PIN, then gets it right on the same socket.
        WsClient late = server.client();
        late.send(join(guess(new SplittableRandom(7)), "Late Student"));
        assertTrue(MISS_CODES.contains(late.awaitError()));
        late.send(join(pin, "Late Student"));
        assertEquals("Late Student", late.await("joined").getString("name"));
    }
}
