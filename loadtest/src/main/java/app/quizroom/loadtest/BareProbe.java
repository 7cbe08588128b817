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
 * Measures the bare server's fan-out with the players' client: the same WebSocket client and options, the same
 * per-frame work (parse the JSON, look at {@code type}, note the time). One warm-up broadcast, then
 * {@code repeats} measured ones: command sent → last client has the frame.
 */
final class BareProbe {

    /**
     * Fan-out of each measured broadcast in ms: {@code fanoutMs} with {@code writeTextMessage} from one loop,
     * {@code floorMs} with the bytes encoded once and written by each socket's own loop; and problems met.
     */
    record Result(int clients, int frameBytes, double[] fanoutMs, double[] floorMs, boolean childProcess,
                  List<String> problems) {
    }

    private final WebSocketClient client;
    private final String host;
    private final int port;
    private final long timeoutMs;
    private volatile CountDownLatch pending = new CountDownLatch(0);
    private final AtomicLong last = new AtomicLong();
    private volatile long expectedSeq = -1;

    BareProbe(WebSocketClient client, String host, int port, long timeoutMs) {
        this.client = client;
        this.host = host;
        this.port = port;
        this.timeoutMs = timeoutMs;
    }

    Result run(int clients, int frameBytes, int repeats, int concurrency, boolean childProcess) throws Exception {
        List<String> problems = new ArrayList<>();
        List<ClientWebSocket> sockets = new ArrayList<>();
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
                ws.textMessageHandler(this::onText);
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
            long seq = 0;
            for (int r = -1; r < repeats; r++) {
                for (String mode : List.of("text", "shared")) {
                    double ms = broadcast(control, ++seq, mode, frameBytes, open, problems);
                    if (r >= 0) {
                        (mode.equals("text") ? fanout : floor)[r] = ms;
                    }
                    Thread.sleep(300);
                }
            }
            return new Result(open, frameBytes, fanout, floor, childProcess, problems);
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

    private void onText(String text) {
        long now = System.nanoTime();
        JsonObject m = new JsonObject(text);
        if ("question".equals(m.getString("type", "")) && m.getLong("index", -1L) == expectedSeq) {
            last.accumulateAndGet(now, Math::max);
            pending.countDown();
        }
    }
}
