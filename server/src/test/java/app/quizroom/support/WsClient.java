package app.quizroom.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests: every text frame received is kept (for audits) and queued (for waiting).
 * Handlers are set before the connection opens, so no frame is missed.
 */
public final class WsClient implements AutoCloseable {

    public static final long WAIT_SECONDS = 10;

    private final WebSocketClient client;
    private final ClientWebSocket socket;
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    /** Every frame, raw, in arrival order. */
    public final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    /** Messages received but passed over by an earlier wait, in arrival order. */
    private final List<JsonObject> passedOver = new ArrayList<>();

    private WsClient(Vertx vertx, String localAddress) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(localAddress));
        this.socket = client.webSocket();
        socket.textMessageHandler(text -> {
            frames.add(text);
            inbox.add(new JsonObject(text));
        });
        socket.closeHandler(v -> closed.complete(socket.closeStatusCode() == null ? 1006 : socket.closeStatusCode()));
    }

    public static WsClient connect(Vertx vertx, int port) {
        return connect(vertx, port, null);
    }

    /**
     * Connects from this local address (another address of the loopback network, such as 127.0.0.2, stands for
     * another machine); null for the system's choice.
     */
    public static WsClient connect(Vertx vertx, int port, String localAddress) {
        WsClient c = new WsClient(vertx, localAddress);
        TestServer.await(c.socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")));
        return c;
    }

    public WsClient send(JsonObject message) {
        TestServer.await(socket.writeTextMessage(message.encode()));
        return this;
    }

    public WsClient sendRaw(String text) {
        TestServer.await(socket.writeTextMessage(text));
        return this;
    }

    public WebSocket socket() {
        return socket;
    }

    /** Waits for the next message of this type, skipping others; fails after {@link #WAIT_SECONDS}. */
    public JsonObject await(String type) {
        return await(m -> type.equals(m.getString("type")), "a '" + type + "' message");
    }

    /**
     * Waits for the first message, in arrival order, that matches; messages passed over stay available to later
     * waits (so a test need not know the order of messages that may cross, such as an acknowledgement and a result).
     */
    public JsonObject await(Predicate<JsonObject> wanted, String description) {
        for (Iterator<JsonObject> it = passedOver.iterator(); it.hasNext(); ) {
            JsonObject kept = it.next();
            if (wanted.test(kept)) {
                it.remove();
                return kept;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            // In slices, so that a socket closed with nothing left to read fails the wait at once.
            JsonObject next = Waits.pollUntil(inbox, Math.min(deadline, System.nanoTime()
                    + TimeUnit.MILLISECONDS.toNanos(200)));
            if (next == null && Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted waiting for " + description);
            }
            if (next == null && closed.isDone() && inbox.isEmpty()) {
                throw new AssertionError("no " + description + ": the socket was closed (" + closed.join()
                        + "); passed over: " + passedOver.stream().map(m -> m.getString("type")).toList());
            }
            if (next == null && System.nanoTime() < deadline) {
                continue;
            }
            if (next == null) {
                throw new AssertionError("no " + description + " within " + WAIT_SECONDS + " s; passed over: "
                        + passedOver.stream().map(m -> m.getString("type")).toList());
            }
            if (wanted.test(next)) {
                return next;
            }
            passedOver.add(next);
        }
    }

    /** Waits for an error frame and returns its code. */
    public String awaitError() {
        return await("error").getString("code");
    }

    /** Sends a message and waits for a round trip ping/pong, so that everything sent before has been handled. */
    public void sync() {
        send(new JsonObject().put("type", "ping"));
        await("pong");
    }

    /** Messages received but not yet consumed, without waiting. */
    public List<JsonObject> drain() {
        List<JsonObject> list = new ArrayList<>(passedOver);
        passedOver.clear();
        inbox.drainTo(list);
        return list;
    }

    /** Waits until the server closes the socket; returns the close code. */
    public short awaitClose() {
        try {
            return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + WAIT_SECONDS + " s");
        }
    }

    /**
     * Waits until one message of each type has arrived, in any order (others are skipped); returns them by type.
     * For frames whose relative order the server does not promise, such as {@code answerAck} and {@code result}.
     */
    public Map<String, JsonObject> awaitEach(String... types) {
        Map<String, JsonObject> found = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>(List.of(types));
        while (!wanted.isEmpty()) {
            JsonObject m = await(x -> wanted.contains(x.getString("type")), "one of " + wanted);
            wanted.remove(m.getString("type"));
            found.put(m.getString("type"), m);
        }
        return found;
    }

    /** The next message not yet consumed, waiting at most {@code millis}; null if none came. */
    public JsonObject poll(long millis) {
        return Waits.poll(inbox, millis);
    }

    /**
     * The next message not yet consumed, waiting at most {@code millis}; null if none came, or at once when the socket
     * is closed and nothing more is left (a frame arrives before the close that follows it).
     */
    public JsonObject pollUntilClosed(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            boolean wasClosed = closed.isDone();
            JsonObject next = Waits.poll(inbox, wasClosed ? 0 : 10);
            if (next != null || wasClosed || System.nanoTime() >= until) {
                return next;
            }
        }
    }

    /** Waits at most {@code millis} for the server to close the socket; the close code, or null if still open. */
    public Short awaitClose(long millis) {
        try {
            return closed.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Completes with the close code when the socket closes. */
    public CompletableFuture<Short> closeFuture() {
        return closed;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            try {
                socket.close().await(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already gone
            }
        }
        client.close();
    }
}
