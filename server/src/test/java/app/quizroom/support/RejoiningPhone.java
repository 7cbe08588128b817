package app.quizroom.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone in a process of its own, for tests that freeze it ({@code kill -STOP}) or kill it. It joins the game,
 * keeps its seat token, answers the server's pings (the JDK client does so by itself), and whenever its socket
 * closes it reconnects and sends {@code rejoin}, as the web client does. Like a browser page, it does not rely on
 * the socket library to notice a dead connection: it sends a {@code ping} message every second and gives the
 * socket up when nothing has arrived for three (the JDK client does not always report a connection the server
 * dropped while the process was stopped). It reports on standard output, one line
 * per event: {@code joined <playerId> <seatToken>}, {@code rejoined <playerId>}, {@code closed <code>},
 * {@code failed <reason>}, {@code recv <type>}. It exits when its standard input closes (so it never outlives the
 * test) or after 200 failed reconnects.
 *
 * <p>Usage: {@code java -cp <test classpath> app.quizroom.support.RejoiningPhone <port> <pin> <name>}
 */
public final class RejoiningPhone {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern FIELD = Pattern.compile("\"(playerId|seatToken)\"\\s*:\\s*\"?([^\",}]+)\"?");

    private final URI uri;
    private final String pin;
    private final String name;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "phone-timer");
        t.setDaemon(true);
        return t;
    });
    private volatile String seatToken;
    private volatile int failures;

    private RejoiningPhone(int port, String pin, String name) {
        this.uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        this.pin = pin;
        this.name = name;
    }

    public static void main(String[] args) throws IOException {
        RejoiningPhone phone = new RejoiningPhone(Integer.parseInt(args[0]), args[1], args[2]);
        phone.connect();
        // Live as long as the parent keeps our standard input open.
        InputStream in = System.in;
        while (in.read() >= 0) {
            // ignore anything written to us
        }
        System.exit(0);
    }

    private static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private void connect() {
        Listener listener = new Listener();
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2)).buildAsync(uri, listener)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        report("failed " + failure);
                        retry();
                    } else {
                        String hello = seatToken == null
                                ? "{\"type\":\"join\",\"pin\":\"" + pin + "\",\"name\":\"" + name + "\"}"
                                : "{\"type\":\"rejoin\",\"pin\":\"" + pin + "\",\"seatToken\":\"" + seatToken + "\"}";
                        listener.send(ws, hello);
                        listener.watch(ws);
                    }
                });
    }

    private void retry() {
        if (++failures > 200) {
            report("giving up");
            System.exit(3);
        }
        timers.schedule(this::connect, 200, TimeUnit.MILLISECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private boolean closed;
        private volatile long lastHeard = System.nanoTime();
        private ScheduledFuture<?> watchdog;

        void send(WebSocket ws, String message) {
            ws.sendText(message, true).whenComplete((sent, failure) -> {
                if (failure != null) {
                    ws.abort();
                    gone("closed 1006 send failed: " + failure);
                }
            });
        }

        /** Every second: a ping message; after three seconds without a frame, the socket is given up. */
        synchronized void watch(WebSocket ws) {
            watchdog = timers.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - lastHeard > TimeUnit.SECONDS.toNanos(3)) {
                    ws.abort();
                    gone("closed 1006 silent");
                } else {
                    send(ws, "{\"type\":\"ping\"}");
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            text.append(data);
            if (last) {
                handle(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(String message) {
            Matcher type = TYPE.matcher(message);
            String kind = type.find() ? type.group(1) : "?";
            if (kind.equals("joined")) {
                String id = null;
                String token = null;
                Matcher f = FIELD.matcher(message);
                while (f.find()) {
                    if (f.group(1).equals("playerId")) {
                        id = f.group(2);
                    } else {
                        token = f.group(2);
                    }
                }
                failures = 0;
                if (seatToken == null) {
                    seatToken = token;
                    report("joined " + id + " " + token);
                } else {
                    report("rejoined " + id);
                }
            } else if (!kind.equals("pong")) {
                report("recv " + kind);
            }
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            lastHeard = System.nanoTime();
            ws.request(1); // the JDK client answers with a pong by itself
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            gone("closed " + statusCode);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            gone("closed 1006 " + error);
        }

        private synchronized void gone(String why) {
            if (closed) {
                return;
            }
            closed = true;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            report(why);
            if (seatToken != null) {
                retry();
            }
        }
    }
}
