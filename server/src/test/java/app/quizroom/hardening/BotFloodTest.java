package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bot flood: 500 joins within about five seconds into one room whose cap is 300 (QUIZROOM_MAX_PLAYERS, and the
 * game's class size), with the default join rate (QUIZROOM_JOINS_PER_SECOND=50, QUIZROOM_JOIN_BURST=150). The cap
 * and the rate limit hold, the host's commands keep getting quick answers during the flood, and the host's lock
 * shuts the door.
 */
class BotFloodTest {

    private static final int CAP = 300;
    private static final int BOTS = 500;

    @RegisterExtension
    final TestServer server = TestServer.start(Map.of("QUIZROOM_MAX_PLAYERS", Integer.toString(CAP),
            "QUIZROOM_JOIN_TIMEOUT_SECONDS", "60"));
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final ScheduledExecutorService waves = Executors.newSingleThreadScheduledExecutor();
    private final HostedGame game = HostedGame.create(server,
            new JsonObject().put("bankId", "lenin-enrolment").put("classSize", CAP));
    private final WsClient host = game.host();
    private final String pin = game.pin;

    @AfterEach
    void stopThreads() throws InterruptedException {
        waves.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static JsonObject join(String pin, String name) {
        return new JsonObject().put("type", "join").put("pin", pin).put("name", name);
    }

    /** Sends a host command and returns how long its answer took, in milliseconds. */
    private long roundTrip(String command, boolean expectLocked) {
        long t0 = System.nanoTime();
        host.send(new JsonObject().put("type", command));
        JsonObject answer = host.await("locked");
        assertEquals(expectLocked, answer.getBoolean("locked"));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Test
    @Tag("slow")
    void fiveHundredJoinsInFiveSecondsHitTheRateLimitAndTheCapAndTheHostStaysResponsive() throws Exception {
        // Open the bots' sockets first: the flood is of joins, not of TCP handshakes.
        List<Future<WsClient>> opening = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            opening.add(pool.submit(server::client));
        }
        List<WsClient> bots = new ArrayList<>();
        for (Future<WsClient> f : opening) {
            bots.add(f.get(30, TimeUnit.SECONDS));
        }

        // Wave 0: 200 at once (more than the burst of 150); then 30 every half second for five seconds.
        AtomicInteger next = new AtomicInteger();
        List<int[]> plan = new ArrayList<>();
        plan.add(new int[] {0, 200});
        for (int w = 1; w <= 10; w++) {
            plan.add(new int[] {w * 500, 30});
        }
        List<ScheduledFuture<?>> sent = new ArrayList<>();
        long floodStart = System.nanoTime();
        for (int[] wave : plan) {
            sent.add(waves.schedule(() -> {
                for (int k = 0; k < wave[1]; k++) {
                    int i = next.getAndIncrement();
                    bots.get(i).send(join(pin, "bot" + i));
                }
            }, wave[0], TimeUnit.MILLISECONDS));
        }

        // The host works through the flood: right after each wave, a command round trip ("unlock" keeps the door
        // open and is answered with "locked").
        List<Long> roundTrips = new ArrayList<>();
        for (ScheduledFuture<?> f : sent) {
            f.get(30, TimeUnit.SECONDS);
            roundTrips.add(roundTrip("unlock", false));
        }
        long floodMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodStart);
        assertEquals(BOTS, next.get());
        assertTrue(floodMs >= 4_500 && floodMs < 9_000, "the flood took " + floodMs + " ms");

        // Every bot gets exactly one answer: a seat, rate_limited or room_full.
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        for (WsClient bot : bots) {
            JsonObject first = bot.await(m -> "joined".equals(m.getString("type")) || "error".equals(m.getString("type")),
                    "a join outcome");
            String outcome = "joined".equals(first.getString("type")) ? "joined" : first.getString("code");
            outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        }
        int joined = count(outcomes, "joined");
        int rateLimited = count(outcomes, "rate_limited");
        int full = count(outcomes, "room_full");
        assertEquals(BOTS, joined + rateLimited + full, "only these outcomes: " + outcomes);
        assertEquals(CAP, joined, "the room fills to its cap and no further: " + outcomes);
        assertTrue(rateLimited > 0, "the join rate limit refused some: " + outcomes);
        assertTrue(full > 0, "the cap refused some: " + outcomes);

        // The host saw 300 joins, the count never above the cap.
        host.sync();
        int maxCount = 0;
        int playerJoined = 0;
        for (String frame : host.frames) {
            JsonObject m = new JsonObject(frame);
            if ("playerJoined".equals(m.getString("type"))) {
                playerJoined++;
                maxCount = Math.max(maxCount, m.getInteger("count"));
            }
        }
        assertEquals(CAP, maxCount);
        assertEquals(CAP, playerJoined);

        long worst = roundTrips.stream().mapToLong(Long::longValue).max().orElse(0);
        roundTrips.sort(null);
        long median = roundTrips.get(roundTrips.size() / 2);
        System.out.printf("bot flood: %s in %d ms; %d host round trips, median %d ms, worst %d ms%n", outcomes,
                floodMs, roundTrips.size(), median, worst);
        assertTrue(median < 250, "host commands stay quick (median " + median + " ms)");
        assertTrue(worst < 2_000, "no host command waited long (worst " + worst + " ms)");
    }

    @Test
    void afterLockNoJoinGetsInAndTheAnswerIsTheSameAsForAnUnknownPin() {
        List<WsClient> players = game.joinAll("Player 0", "Player 1", "Player 2", "Player 3", "Player 4");
        game.command("lock");
        assertEquals(true, host.await("locked").getBoolean("locked"));

        WsClient lateBot = server.client();
        lateBot.send(join(pin, "Late Bot"));
        JsonObject refused = lateBot.await("error");
        assertEquals("room_not_found", refused.getString("code"), "a locked room looks like no room at all");

        WsClient unknown = server.client();
        unknown.send(join(pin.equals("000000") ? "000001" : "000000", "Scanner"));
        JsonObject none = unknown.await("error");
        assertEquals(none.getString("code"), refused.getString("code"));
        assertEquals(none.getString("message"), refused.getString("message"), "same words, so a scan cannot tell");

        // A seated player who drops can still come back into a locked room.
        String token = game.seatToken(players.get(0));
        players.get(0).close();
        assertEquals("Player 0", game.rejoin(server.client(), token).getString("name"));

        game.command("unlock");
        assertEquals(false, host.await("locked").getBoolean("locked"));
        lateBot.send(join(pin, "Late Bot"));
        lateBot.await("joined");
    }

    private static int count(Map<String, AtomicInteger> outcomes, String key) {
        AtomicInteger n = outcomes.get(key);
        return n == null ? 0 : n.get();
    }
}
