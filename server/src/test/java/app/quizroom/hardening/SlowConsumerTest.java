package app.quizroom.hardening;

import app.quizroom.config.Limits;
import app.quizroom.support.HostedGame;
import app.quizroom.support.RawWebSocket;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow consumer: one phone completes the handshake, joins, and then reads nothing more (a raw TCP socket with a
 * small receive buffer), while the room plays 51 broadcasts (17 questions × question, answering, result, each as
 * large as a bank allows) to 50 other phones. The others get every broadcast promptly; the slow socket is cut loose
 * (its seat kept) and the phone later takes its seat back with {@code rejoin} and gets the current state.
 *
 * <p>Two kinds of slow phone. A frozen one (reads nothing, sends nothing) is caught by the heartbeat: no pong within
 * QUIZROOM_READ_IDLE_SECONDS. A hostile one keeps sending (requests whose answers it never reads, unsolicited pongs),
 * so only the slow-consumer policy can catch it: once its write queue (QUIZROOM_WRITE_QUEUE_BYTES) stays full for
 * QUIZROOM_SLOW_CLIENT_SECONDS, or 64 messages pile up past it, it must be closed (4003) and nothing more queued for
 * it. On loopback the kernel takes about 2 MB per socket (the server's send buffer grows with the 64 KB loopback
 * segment size) before the server's own write queue fills, far more than 51 broadcasts; the hostile phone's
 * requests get it there.
 */
@Tag("slow")
class SlowConsumerTest {

    private static final int QUESTIONS = 17;
    private static final int FAST = 50;
    private static final int PING_SECONDS = 1;
    private static final int READ_IDLE_SECONDS = 3;

    @TempDir
    Path banks;
    private TestServer server;
    private final List<RawWebSocket> raw = new ArrayList<>();
    private ExecutorService pool;
    private HostedGame game;
    private WsClient host;
    private String pin;

    /** A bank of long questions: every text at its limit, so that each broadcast is over a kilobyte. */
    static String bigBank() {
        StringBuilder y = new StringBuilder("id: big\ntitle: Big questions\ntimeLimit: 240\nquestions:\n");
        for (int q = 0; q < QUESTIONS; q++) {
            y.append("  - id: q").append(q).append('\n')
                    .append("    type: single\n")
                    .append("    prompt: \"Q").append(q).append(' ').append("p".repeat(490)).append("\"\n")
                    .append("    options:\n");
            for (int o = 0; o < 6; o++) {
                y.append("      - text: \"O").append(o).append(' ').append("o".repeat(110)).append("\"\n")
                        .append("        explanation: \"").append("e".repeat(990)).append("\"\n");
            }
            y.append("    answer: \"O0 ").append("o".repeat(110)).append("\"\n")
                    .append("    explanation: \"").append("x".repeat(990)).append("\"\n");
        }
        return y.toString();
    }

    @BeforeEach
    void start() throws IOException {
        Files.writeString(banks.resolve("big.yaml"), bigBank());
        server = TestServer.start(Map.of("QUIZROOM_BANKS", banks.toString(),
                "QUIZROOM_WRITE_QUEUE_BYTES", "4096", "QUIZROOM_SLOW_CLIENT_SECONDS", "1",
                "QUIZROOM_PING_SECONDS", Integer.toString(PING_SECONDS),
                "QUIZROOM_READ_IDLE_SECONDS", Integer.toString(READ_IDLE_SECONDS)));
        game = HostedGame.create(server, new JsonObject().put("bankId", "big").put("readingSeconds", 0));
        host = game.host();
        pin = game.pin;
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        raw.forEach(RawWebSocket::close);
        server.close();
    }

    /** Waits until every fast phone has the message of this type for question {@code index}; returns the time taken. */
    private long everyoneGets(List<WsClient> phones, String type, int index, long sentAt) {
        for (WsClient p : phones) {
            p.await(m -> type.equals(m.getString("type")) && m.getInteger("index") == index, type + " " + index);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
    }

    /**
     * The position of the first frame from {@code from} on that matches, among all the client has received (also
     * those an earlier {@code await} skipped), waiting up to {@code timeoutMs} for it; -1 if none came.
     */
    private static int frameIndex(WsClient c, int from, Predicate<JsonObject> wanted, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            for (int i = from; i < c.frames.size(); i++) {
                if (wanted.test(new JsonObject(c.frames.get(i)))) {
                    return i;
                }
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            c.poll(50); // wakes up on the next frame
        }
    }

    /** The slow phone joins and reads its {@code joined}; returns it with its id and seat token. */
    private record Slow(RawWebSocket socket, int id, String token) {
    }

    private Slow slowPhone() throws IOException {
        RawWebSocket slow = RawWebSocket.connect(server.port, "/ws", Map.of(), 2048);
        raw.add(slow);
        slow.sendText(new JsonObject().put("type", "join").put("pin", pin).put("name", "Slowpoke").encode());
        JsonObject joined = new JsonObject(slow.awaitText("joined", 5_000));
        return new Slow(slow, joined.getInteger("playerId"), joined.getString("seatToken"));
    }

    private List<WsClient> fastPhones() throws Exception {
        List<Future<WsClient>> joining = new ArrayList<>();
        for (int i = 0; i < FAST; i++) {
            String name = "Fast " + i;
            joining.add(pool.submit(() -> {
                WsClient c = server.client();
                c.send(new JsonObject().put("type", "join").put("pin", pin).put("name", name));
                c.await("joined");
                return c;
            }));
        }
        List<WsClient> fast = new ArrayList<>();
        for (Future<WsClient> f : joining) {
            fast.add(f.get(30, TimeUnit.SECONDS));
        }
        return fast;
    }

    /** Plays the 17 questions (51 broadcasts to players); returns the slowest delivery to all fast phones, in ms. */
    private long playEveryQuestion(List<WsClient> fast) {
        long worst = 0;
        long started = System.nanoTime();
        for (int q = 0; q < QUESTIONS; q++) {
            long sentAt = System.nanoTime();
            host.send(new JsonObject().put("type", q == 0 ? "start" : "next"));
            worst = Math.max(worst, everyoneGets(fast, "question", q, sentAt));
            worst = Math.max(worst, everyoneGets(fast, "answering", q, sentAt));
            sentAt = System.nanoTime();
            host.send(new JsonObject().put("type", "skip"));
            worst = Math.max(worst, everyoneGets(fast, "result", q, sentAt));
            host.send(new JsonObject().put("type", "next"));
            host.await("leaderboard");
        }
        System.out.printf("slow consumer: %d broadcasts to %d phones in %d ms, slowest %d ms%n", QUESTIONS * 3, FAST,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), worst);
        return worst;
    }

    /** Reads what reached the slow socket, to its end; returns the close code (1006: ended without one). */
    private static int drain(RawWebSocket slow, int[] frames) {
        try {
            while (true) {
                RawWebSocket.Frame f = slow.readFrame(10_000);
                if (f == null) {
                    return -1;
                }
                if (f.opcode() == RawWebSocket.OP_CLOSE) {
                    return f.closeCode();
                }
                frames[0]++;
            }
        } catch (IOException ended) {
            return 1006;
        }
    }

    /** The phone comes back with its seat token: same seat, current state, and the game goes on with it. */
    private void rejoinsAndPlaysOn(Slow slow, int goneAt) {
        WsClient back = server.client();
        JsonObject again = game.rejoin(back, slow.token());
        assertEquals(slow.id(), again.getInteger("playerId"));
        assertEquals("leaderboard", again.getString("phase"));
        assertEquals(QUESTIONS - 1, back.await("result").getInteger("index"), "its snapshot is the last result");
        assertTrue(frameIndex(host, goneAt + 1, m -> "playerConnection".equals(m.getString("type"))
                && m.getInteger("playerId") == slow.id() && m.getBoolean("connected"), 10_000) > goneAt,
                "the host saw the slow phone back");
        host.send(new JsonObject().put("type", "next")); // the podium
        // Finishing at once sends each phone its final standing without waiting out the podium's reveal.
        host.send(new JsonObject().put("type", "next"));
        back.await("final");
        back.await("finished");
    }

    @Test
    void aFrozenPhoneDoesNotSlowTheOthersIsCutLooseByTheHeartbeatAndResumes() throws Exception {
        Slow slow = slowPhone();  // from here on it reads nothing and sends nothing
        long silentFrom = System.nanoTime();
        List<WsClient> fast = fastPhones();
        long worst = playEveryQuestion(fast);
        assertTrue(worst < 2_000, "every broadcast reached all 50 phones within 2 s; slowest took " + worst + " ms");

        int goneAt = frameIndex(host, 0, m -> "playerConnection".equals(m.getString("type"))
                && m.getInteger("playerId") == slow.id() && !m.getBoolean("connected"), 15_000);
        assertTrue(goneAt >= 0, "the host saw the frozen phone disconnected");
        long goneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentFrom);
        int[] frames = {0};
        int code = drain(slow.socket(), frames);
        System.out.printf("slow consumer: frozen phone cut loose within %d ms; it got %d frames, then %d%n", goneMs,
                frames[0], code);
        assertTrue(code != -1, "the socket was closed");
        rejoinsAndPlaysOn(slow, goneAt);
    }

    /**
     * The attack as reported: a phone stops reading and sends {@code rejoin} for its own seat 200 times a second,
     * each answered with a snapshot it never reads. The replies fit in the kernel's buffers for over a minute, so the
     * write queue does not fill; the read probe catches it after a few dozen requests instead. Counts and the close
     * are asserted, not speed; the time is printed.
     */
    @Test
    void aPhoneThatStopsReadingAndKeepsSendingRejoinIsCutOffAfterAFewDozenRequests() throws Exception {
        Slow slow = slowPhone();
        byte[] rejoin = new JsonObject().put("type", "rejoin").put("pin", pin).put("seatToken", slow.token()).encode()
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        ScheduledExecutorService phone = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> flood = phone.scheduleAtFixedRate(() -> {
            try {
                slow.socket().sendFrame(true, 0, RawWebSocket.OP_TEXT, rejoin);
                sent.incrementAndGet();
            } catch (IOException dropped) {
                throw new IllegalStateException("the server dropped the connection"); // ends the schedule
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        int goneAt = frameIndex(host, 0, m -> "playerConnection".equals(m.getString("type"))
                && m.getInteger("playerId") == slow.id() && !m.getBoolean("connected"), 15_000);
        long goneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        flood.cancel(false);
        phone.shutdown();
        assertTrue(phone.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(goneAt >= 0, "the host saw the phone disconnected");
        assertEquals(1.0, server.metric("quizroom_slow_closed_total"), "closed once, as too slow");

        // What reached the phone: its first joined, then one joined per rejoin answered, then the close.
        int answered = -1;
        int code = 1006;
        try {
            for (RawWebSocket.Frame f; (f = slow.socket().readFrame(10_000)) != null; ) {
                if (f.opcode() == RawWebSocket.OP_CLOSE) {
                    code = f.closeCode();
                    break;
                }
                answered += f.opcode() == RawWebSocket.OP_TEXT ? 1 : 0;
            }
        } catch (IOException ended) {
            // dropped without a close frame
        }
        System.out.printf("read probe: the phone sent %d rejoins without reading, %d were answered, then %d; the host"
                + " saw it gone after %d ms%n", sent.get(), answered, code, goneMs);
        int mostAnswered = Limits.READ_PROBE_AFTER + Limits.READ_PROBE_MAX_UNANSWERED;
        assertTrue(answered <= mostAnswered, "answered " + answered + " rejoins, not at most " + mostAnswered);
        assertTrue(code == 4003 || code == 1006, "closed as too slow, got " + code);

        WsClient back = server.client();
        assertEquals(slow.id(), game.rejoin(back, slow.token()).getInteger("playerId"), "the seat was kept");
    }

    @Test
    void aPhoneThatStopsReadingButKeepsSendingIsClosedWith4003AndCostsNothingMore() throws Exception {
        Slow slow = slowPhone();
        List<WsClient> fast = fastPhones();
        // From now on the slow phone writes and never reads: requests whose answers pile up, and pongs.
        Future<Integer> flood = pool.submit(() -> {
            byte[] request = "{\"type\":\"not-a-message-type-but-long-enough\"}".getBytes(StandardCharsets.UTF_8);
            int sent = 0;
            try {
                for (; sent < 40_000; sent++) {
                    slow.socket().sendFrame(true, 0, sent % 100 == 0 ? RawWebSocket.OP_PONG : RawWebSocket.OP_TEXT,
                            sent % 100 == 0 ? new byte[0] : request);
                }
            } catch (IOException closed) {
                // the server cut the socket off
            }
            return sent;
        });
        long worst = playEveryQuestion(fast);
        assertTrue(worst < 2_000, "every broadcast reached all 50 phones within 2 s; slowest took " + worst + " ms");
        int requests = flood.get(30, TimeUnit.SECONDS);

        int goneAt = frameIndex(host, 0, m -> "playerConnection".equals(m.getString("type"))
                && m.getInteger("playerId") == slow.id() && !m.getBoolean("connected"), 10_000);
        assertTrue(goneAt >= 0, "the host saw the slow phone disconnected");
        assertEquals(1.0, server.metric("quizroom_slow_closed_total"), "closed once, and nothing queued for it after");
        int[] frames = {0};
        int code = drain(slow.socket(), frames);
        System.out.printf("slow consumer: the hostile phone sent %d requests, got %d frames, then %d%n", requests,
                frames[0], code);
        assertTrue(code == 4003 || code == 1006, "closed as too slow, got " + code);
        rejoinsAndPlaysOn(slow, goneAt);
    }
}
