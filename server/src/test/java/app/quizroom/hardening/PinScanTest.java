package app.quizroom.hardening;

import app.quizroom.game.Room;
import app.quizroom.support.HostedGame;
import app.quizroom.support.ManualTime;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PIN scanning: guessing six-digit PINs, or seat and host tokens on a PIN found, to find a live game. A connection
 * that misses a few times is closed (1008); misses are counted in a metric; past a server-wide rate, every hello
 * from a connection or address that has missed lately is answered {@code rate_limited} before any lookup, whatever
 * its PIN, so the answer says nothing; a forged token on a live PIN is answered word for word as an unknown PIN;
 * no guess finds anything; the projector is warned. A class on another address still gets in during a scan.
 * Server defaults: QUIZROOM_PIN_FAILURES_PER_SOCKET=5, QUIZROOM_PIN_FAILURES_PER_SECOND=20; the server runs on the
 * test's clock, so the rate refills only when the test moves time on.
 */
class PinScanTest {

    private static final int PER_SOCKET = 5;
    private static final int PER_SECOND = 20;
    private static final Set<String> MISS_CODES = Set.of("room_not_found", "rate_limited");
    /** Another machine on the network: the scanner's. */
    private static final String SCANNER = "127.0.0.2";

    private final ManualTime time = new ManualTime();
    @RegisterExtension
    final TestServer server = TestServer.start(time);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    // A class of 120 joins below: more than the default class size of 100.
    private final HostedGame game = HostedGame.create(server,
            new JsonObject().put("bankId", "lenin-enrolment").put("classSize", 150));
    private final WsClient host = game.host();
    private final String pin = game.pin;

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static JsonObject join(String pin, String name) {
        return new JsonObject().put("type", "join").put("pin", pin).put("name", name);
    }

    private static JsonObject rejoin(String pin, String token) {
        return new JsonObject().put("type", "rejoin").put("pin", pin).put("seatToken", token);
    }

    private static JsonObject hostHello(String pin, String token) {
        return new JsonObject().put("type", "host").put("pin", pin).put("hostToken", token);
    }

    /** Sends a hello on a fresh socket from this address and returns the answer (the error without its ref). */
    private JsonObject answerTo(String address, JsonObject hello) {
        WsClient c = server.clientFrom(address);
        c.send(hello);
        JsonObject reply = c.await(m -> !"pong".equals(m.getString("type")), "an answer");
        return reply.copy().put("ref", (String) null);
    }

    /** {@code count} wrong PINs from this address, five to a socket (each socket is then closed). */
    private void miss(String address, int count, SplittableRandom random) {
        for (int sent = 0; sent < count; ) {
            WsClient c = server.clientFrom(address);
            for (int k = 0; k < PER_SOCKET && sent < count; k++, sent++) {
                c.send(join(guess(random), "scanner"));
                assertTrue(MISS_CODES.contains(c.awaitError()));
            }
        }
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
            JsonObject reply = scanner.pollUntilClosed(5_000);
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
    void fiftyScannersAreThrottledAndClosedWhileAClassOf120ElsewhereAllGetIn() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        // 50 connections from the scanner's machine, 20 guesses each, fired without waiting for answers; every
        // fifth guess is the live PIN with a forged seat token, which must look exactly like a wrong PIN.
        List<Future<WsClient>> scanners = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            int seed = s;
            scanners.add(pool.submit(() -> {
                WsClient c = server.clientFrom(SCANNER);
                go.await();
                SplittableRandom random = new SplittableRandom(100 + seed);
                for (int g = 0; g < 20; g++) {
                    try {
                        c.send(g % 5 == 2 ? rejoin(pin, "forged-" + seed + "-" + g)
                                : join(guess(random), "bot" + seed));
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
                } else {
                    assertEquals(Room.NO_SUCH_ROOM, r.getString("message"), "the live PIN showed: " + r.encode());
                }
                answered++;
            }
        }
        assertTrue(rateLimited > answered / 2, "past 20 misses the scanner's machine is refused unlooked-at ("
                + rateLimited + " of " + answered + " misses)");

        // The host saw exactly the 120 students, nobody else.
        List<JsonObject> seen = new ArrayList<>();
        for (int k = 0; k < 120; k++) {
            seen.add(host.await("playerJoined"));
        }
        assertEquals(120, seen.get(seen.size() - 1).getInteger("count"));
        assertEquals(120, seen.stream().map(m -> m.getJsonObject("player").getString("name")).distinct().count());
        assertEquals("server", host.await("guessWarning").getString("scope"), "the projector is told of the scan");
        host.sync();
        assertEquals(Collections.emptyList(), host.drain().stream().filter(m -> "playerJoined".equals(m.getString("type")))
                .toList());

        // During the scan, a student who mistypes the PIN is refused until the scan is over, then gets in on the
        // same socket.
        WsClient late = server.client();
        late.send(join(guess(new SplittableRandom(7)), "Late Student"));
        assertEquals("room_not_found", late.awaitError());
        late.send(join(pin, "Late Student"));
        assertEquals("rate_limited", late.awaitError(), "one who has missed is refused while the scan lasts");
        time.advance(1000);
        late.send(join(pin, "Late Student"));
        assertEquals("Late Student", late.await("joined").getString("name"));
    }

    @Test
    void aForgedTokenOnALivePinIsAnsweredWordForWordAsAnUnknownPinAndIsAMiss() {
        String unknown = guess(new SplittableRandom(3));
        assertEquals(answerTo("127.0.0.1", rejoin(unknown, "forged-token")),
                answerTo("127.0.0.1", rejoin(pin, "forged-token")));
        assertEquals(answerTo("127.0.0.1", hostHello(unknown, "forged-key")),
                answerTo("127.0.0.1", hostHello(pin, "forged-key")));
        JsonObject reply = answerTo("127.0.0.1", rejoin(pin, "forged-token"));
        assertEquals("room_not_found", reply.getString("code"));
        assertEquals(Room.NO_SUCH_ROOM, reply.getString("message"));

        // Each forged token counts as a wrong PIN: the fifth on one socket closes it.
        double before = server.metric("quizroom_pin_failures_total");
        WsClient guesser = server.client();
        for (int i = 0; i < PER_SOCKET; i++) {
            guesser.send(i % 2 == 0 ? rejoin(pin, "forged-" + i) : hostHello(pin, "forged-" + i));
            assertEquals("room_not_found", guesser.awaitError());
        }
        assertEquals((short) 1008, guesser.awaitClose());
        assertEquals(before + PER_SOCKET, server.metric("quizroom_pin_failures_total"));
    }

    @Test
    void pastTheRateEveryHelloFromAnAddressThatMissedIsRefusedBeforeAnyLookup() {
        WsClient student = game.join("Ana");
        miss(SCANNER, PER_SECOND, new SplittableRandom(11)); // the whole second's allowance of misses

        // Now the scanner's machine gets one answer to everything, real PIN or not, real host key or not.
        JsonObject refusal = answerTo(SCANNER, join(pin, "Scanner"));
        assertEquals("rate_limited", refusal.getString("code"));
        for (JsonObject hello : List.of(join(guess(new SplittableRandom(12)), "Scanner"), rejoin(pin, "forged"),
                rejoin(pin, game.seatToken(student)), hostHello(pin, "forged"), hostHello(pin, game.hostToken))) {
            assertEquals(refusal, answerTo(SCANNER, hello), hello.encode());
        }
        // Machines that have not missed are looked up as usual, the host included.
        WsClient ben = server.client();
        ben.send(join(pin, "Ben"));
        assertEquals("Ben", ben.await("joined").getString("name"));
        assertEquals("hosting", answerTo("127.0.0.1", hostHello(pin, game.hostToken)).getString("type"));

        // Once the misses fall back under the rate, the scanner's machine is looked up again.
        time.advance(1000);
        assertEquals("joined", answerTo(SCANNER, join(pin, "Cy")).getString("type"));
    }

    @Test
    void theProjectorIsWarnedWhenItsPinIsGuessedAndWhenTheServerIsScanned() {
        // Ten forged tokens on this game's PIN within a minute (fewer than the server-wide rate).
        for (int i = 0; i < 9; i++) {
            assertEquals("room_not_found", answerTo("127.0.0.3", rejoin(pin, "forged-" + i)).getString("code"));
        }
        host.sync();
        assertTrue(host.drain().stream().noneMatch(m -> "guessWarning".equals(m.getString("type"))));
        answerTo("127.0.0.3", rejoin(pin, "forged-9"));
        JsonObject warning = host.await("guessWarning");
        assertEquals("room", warning.getString("scope"));
        assertFalse(warning.getString("message").isBlank());

        // A scan of the whole server: the misses pass the rate. One warning, not one per miss.
        time.advance(10_000);
        miss(SCANNER, 3 * PER_SECOND, new SplittableRandom(13));
        assertEquals("server", host.await("guessWarning").getString("scope"));
        host.sync();
        assertTrue(host.drain().stream().noneMatch(m -> "guessWarning".equals(m.getString("type"))),
                "at most one warning every ten seconds");
    }

    @Test
    void aSeatedConnectionIsToldOnlyThatItIsInAGameWhateverPinItTries() {
        WsClient ana = game.join("Ana");
        HostedGame other = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        double before = server.metric("quizroom_pin_failures_total");
        for (String otherPin : List.of(other.pin, guess(new SplittableRandom(5)))) {
            ana.send(join(otherPin, "Ana"));
            JsonObject refused = ana.await("error");
            assertEquals("already_joined", refused.getString("code"));
            assertEquals("This connection is already in another game.", refused.getString("message"));
        }
        assertEquals(before, server.metric("quizroom_pin_failures_total"), "no lookup, so no miss");
        assertFalse(ana.isClosed());
    }
}
