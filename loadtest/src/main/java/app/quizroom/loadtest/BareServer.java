package app.quizroom.loadtest;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The bare limit: a Vert.x WebSocket server with the real server's transport settings (compression off, 4096-byte
 * frames, one HTTP server instance per event loop on 127.0.0.1) and no game at all. A client that sends
 * {@code {"type":"broadcast","seq":K,"size":S,"mode":M}} makes it build one text of S bytes once and write it to
 * every other connected socket, in one of two ways:
 * <ul>
 *   <li>{@code "text"} (the default): {@code writeTextMessage} of the one text to every socket, from the sender's
 *       event loop (Vert.x encodes the text for each socket, and hands writes to sockets of other loops over one
 *       by one);</li>
 *   <li>{@code "shared"}, the encode-once floor: the text's UTF-8 bytes are made once and the same bytes written
 *       as one text frame to every socket, each socket on its own event loop: one hand-over per loop, not one per
 *       socket.</li>
 * </ul>
 * And the floor of an answer's acknowledgement: {@code {"type":"burst","seq":K}} makes it write an
 * {@code answering} frame for question K, encoded once, to every other socket, as the real server opens answers;
 * each {@code answer} it reads is parsed into a tree and answered at once, on the socket's own loop, with the
 * {@code answerAck} the real server sends (question and nonce echoed, encoded for that answer). No game, no
 * scoring, no disk: what any server must do to acknowledge a class answering at once, with this client.
 * Run: {@code java -cp quizroom-loadtest.jar app.quizroom.loadtest.BareServer PORT}.
 */
public final class BareServer {

    /** Same as the real server's default QUIZROOM_MAX_MESSAGE_BYTES. */
    static final int MAX_MESSAGE_BYTES = 4096;

    private final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
    /** The same sockets by the event loop that owns each. */
    private final Map<Context, Set<ServerWebSocket>> byLoop = new ConcurrentHashMap<>();
    private Vertx vertx;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        new BareServer().start(port).await(30, TimeUnit.SECONDS);
        System.out.println("bare server listening on 127.0.0.1:" + port);
    }

    Future<?> start(int port) {
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setMaxWebSocketFrameSize(MAX_MESSAGE_BYTES)
                .setMaxWebSocketMessageSize(MAX_MESSAGE_BYTES);
        return vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer(options)
                        .webSocketHandler(BareServer.this::accept)
                        .listen();
            }
        }, new DeploymentOptions().setInstances(port == 0 ? 1 : loops));
    }

    Future<Void> stop() {
        return vertx == null ? Future.succeededFuture() : vertx.close();
    }

    private void accept(ServerWebSocket socket) {
        Set<ServerWebSocket> loopSockets = byLoop.computeIfAbsent(Vertx.currentContext(),
                c -> ConcurrentHashMap.newKeySet());
        sockets.add(socket);
        loopSockets.add(socket);
        socket.closeHandler(v -> {
            sockets.remove(socket);
            loopSockets.remove(socket);
        });
        socket.textMessageHandler(text -> {
            JsonObject command = new JsonObject(text);
            String type = command.getString("type");
            if ("answer".equals(type)) {
                socket.writeTextMessage(new JsonObject().put("type", "answerAck")
                        .put("question", command.getInteger("question")).put("nonce", command.getString("nonce"))
                        .put("saved", true).encode());
            } else if ("burst".equals(type)) {
                long seq = command.getLong("seq", 0L);
                broadcastShared(socket, "{\"type\":\"answering\",\"index\":" + seq
                        + ",\"timeLimitMs\":20000,\"remainingMs\":20000}");
            } else if ("broadcast".equals(type)) {
                String frame = frame(command.getLong("seq", 0L), command.getInteger("size", 300));
                if ("shared".equals(command.getString("mode"))) {
                    broadcastShared(socket, frame);
                } else {
                    broadcast(socket, frame);
                }
            }
        });
    }

    /** The floor: the bytes made once, written by each loop to its own sockets, one hand-over per loop. */
    private void broadcastShared(ServerWebSocket sender, String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        Context here = Vertx.currentContext();
        byLoop.forEach((loop, loopSockets) -> {
            if (loop == here) {
                writeShared(loopSockets, sender, bytes);
            } else {
                loop.runOnContext(ignored -> writeShared(loopSockets, sender, bytes));
            }
        });
    }

    private static void writeShared(Set<ServerWebSocket> loopSockets, ServerWebSocket sender, byte[] bytes) {
        for (ServerWebSocket s : loopSockets) {
            if (s != sender && !s.isClosed()) {
                // The frame Vert.x's writeTextMessage builds, over the shared bytes instead of a fresh encoding.
                s.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(bytes), true));
            }
        }
    }

    private void broadcast(ServerWebSocket sender, String frame) {
        for (ServerWebSocket s : sockets) {
            if (s != sender && !s.isClosed()) {
                s.writeTextMessage(frame);
            }
        }
    }

    /** A question-like JSON text of exactly {@code size} bytes (ASCII), so the clients parse what they would. */
    static String frame(long seq, int size) {
        String head = "{\"type\":\"question\",\"index\":" + seq + ",\"pad\":\"";
        String tail = "\"}";
        int pad = Math.max(0, size - head.length() - tail.length());
        return head + "x".repeat(pad) + tail;
    }
}
