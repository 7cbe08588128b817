package app.quizroom.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the bare server with the players' client: the same WebSocket client and options, the same per-frame
 * work ({@link FrameFields}: the type and a number, then the time). Fan-out: command sent → last client has the
 * frame. Burst: every client answers the {@code answering} frame at once, as the game's players do with
 * {@code --window 0}, and each answer's acknowledgement latency is taken as the game's is (answer sent → its
 * {@code answerAck} read). Unmeasured rounds of both come first, as many as the real server's start-up warm-up
 * plays, so that the floor's code is compiled as the server's is when the game starts.
 */
final class BareProbe {

    /**
     * Fan-out of each measured broadcast in ms: {@code fanoutMs} with {@code writeTextMessage} from one loop,
     * {@code floorMs} with the bytes encoded once and written by each socket's own loop; and problems met.
     */
    record Result(int clients, int frameBytes, double[] fanoutMs, double[] floorMs, double[] burstAckP50Ms,
                  double[] burstAckP99Ms, boolean childProcess, List<String> problems) {
    }

    /** Unmeasured rounds before the measured ones. */
    static final int WARM_ROUNDS = 6;

    private final WebSocketClient client;
    private final String host;
    private final int port;
    private final long timeoutMs;
    private volatile CountDownLatch pending = new CountDownLatch(0);
    private final AtomicLong last = new AtomicLong();
    private volatile long expectedSeq = -1;
    /** Per client: when its answer to the current burst went out, and its acknowledgement latency in ms. */
    private long[] answerSentAt = new long[0];
    private double[] ackMs = new double[0];

    BareProbe(WebSocketClient client, String host, int port, long timeoutMs) {
        this.client = client;
        this.host = host;
        this.port = port;
        this.timeoutMs = timeoutMs;
    }

    Result run(int clients, int frameBytes, int repeats, int concurrency, boolean childProcess) throws Exception {
        List<String> problems = new ArrayList<>();
        List<ClientWebSocket> sockets = new ArrayList<>();
        answerSentAt = new long[clients];
        ackMs = new double[clients];
        try {
            Semaphore permits = new Semaphore(concurrency);
            CountDownLatch connected = new CountDownLatch(clients);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs + clients * 20L);
            for (int i = 0; i < clients; i++) {
                if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    problems.add("bare: connecting timed out after " + i + " clients");
                    break;
                }
                ClientWebSocket ws = client.webSocket();
                int index = i;
                ws.textMessageHandler(text -> onText(ws, index, text));
                sockets.add(ws);
                connect(ws).onComplete(ar -> {
                    if (ar.failed()) {
                        problems.add("bare: connect failed: " + ar.cause().getMessage());
                    }
                    permits.release();
                    connected.countDown();
                });
            }
            if (!connected.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                problems.add("bare: " + connected.getCount() + " clients not connected in time");
            }
            int open = (int) sockets.stream().filter(s -> !s.isClosed()).count();
            ClientWebSocket control = client.webSocket();
            sockets.add(control);
            connect(control).await(timeoutMs, TimeUnit.MILLISECONDS);
            Thread.sleep(500); // let the server register the last sockets
            // The two ways alternate, so that both see the same moments of a shared machine.
            double[] fanout = new double[repeats];
            double[] floor = new double[repeats];
            double[] burstP50 = new double[repeats];
            double[] burstP99 = new double[repeats];
            long seq = 0;
            for (int r = -WARM_ROUNDS; r < repeats; r++) {
                for (String mode : List.of("text", "shared")) {
                    double ms = broadcast(control, ++seq, mode, frameBytes, open, problems);
                    if (r >= 0) {
                        (mode.equals("text") ? fanout : floor)[r] = ms;
                    }
                    Thread.sleep(300);
                }
                double[] acks = burst(control, ++seq, open, problems);
                if (r >= 0) {
                    burstP50[r] = Stats.percentile(acks, 50);
                    burstP99[r] = Stats.percentile(acks, 99);
                }
                Thread.sleep(300);
            }
            return new Result(open, frameBytes, fanout, floor, burstP50, burstP99, childProcess, problems);
        } finally {
            for (ClientWebSocket s : sockets) {
                if (!s.isClosed()) {
                    s.close();
                }
            }
        }
    }

    /** One broadcast: command sent → last client has the frame, in ms. */
    private double broadcast(ClientWebSocket control, long seq, String mode, int frameBytes, int open,
                             List<String> problems) throws InterruptedException {
        expectedSeq = seq;
        last.set(Long.MIN_VALUE);
        CountDownLatch latch = new CountDownLatch(open);
        pending = latch;
        long sentAt = System.nanoTime();
        control.writeTextMessage(new JsonObject().put("type", "broadcast").put("seq", seq)
                .put("size", frameBytes).put("mode", mode).encode());
        if (!latch.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            problems.add("bare: broadcast " + seq + " (" + mode + ") reached " + (open - latch.getCount()) + " of "
                    + open);
        }
        return (last.get() - sentAt) / 1e6;
    }

    /** One burst: every client answers at once; the acknowledgement latencies, sorted, in ms. */
    private double[] burst(ClientWebSocket control, long seq, int open, List<String> problems)
            throws InterruptedException {
        java.util.Arrays.fill(answerSentAt, 0);
        java.util.Arrays.fill(ackMs, Double.NaN);
        expectedSeq = seq;
        CountDownLatch latch = new CountDownLatch(open);
        pending = latch;
        control.writeTextMessage("{\"type\":\"burst\",\"seq\":" + seq + "}");
        if (!latch.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            problems.add("bare: burst " + seq + " acknowledged " + (open - latch.getCount()) + " of " + open);
        }
        return java.util.Arrays.stream(ackMs).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    private Future<Void> connect(ClientWebSocket ws) {
        Promise<Void> done = Promise.promise();
        ws.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws"))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        done.complete();
                    } else {
                        done.fail(ar.cause());
                    }
                });
        return done.future();
    }

    private void onText(ClientWebSocket ws, int client, String text) {
        long now = System.nanoTime();
        FrameFields m = FrameFields.of(text);
        switch (m.string("type", "")) {
            case "question" -> {
                if (m.integer("index", -1) == expectedSeq) {
                    last.accumulateAndGet(now, Math::max);
                    pending.countDown();
                }
            }
            case "answering" -> {
                int q = m.integer("index", -1);
                if (q == expectedSeq) {
                    // the answer a player of the game sends to a single-choice question
                    String answer = new JsonObject().put("type", "answer").put("question", q).put("nonce", "q" + q)
                            .put("option", 1).encode();
                    answerSentAt[client] = System.nanoTime();
                    ws.writeTextMessage(answer);
                }
            }
            case "answerAck" -> {
                if (m.integer("question", -1) == expectedSeq && answerSentAt[client] != 0
                        && Double.isNaN(ackMs[client])) {
                    ackMs[client] = (now - answerSentAt[client]) / 1e6;
                    pending.countDown();
                }
            }
            default -> {
                // nothing else is measured
            }
        }
    }
}
