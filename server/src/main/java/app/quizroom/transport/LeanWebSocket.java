package app.quizroom.transport;

import io.netty.channel.ChannelHandler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.core.net.impl.ConnectionBase;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/**
 * Trims three things Vert.x 5.0.7 keeps for every server WebSocket and never uses again once it is open; together
 * they cost more than everything else a connected phone holds (measured with 10,000 phones, docs/benchmarks.md):
 * <ol>
 *   <li><b>The queue for writes from other threads</b>: a jctools queue whose first chunk is a 1,024-slot array,
 *   4.7 KiB per socket. {@code HttpServerOptions.setStrictThreadMode} spares only the HTTP connection that queue,
 *   not the WebSocket's. Every write to a socket here is made on its own event loop ({@link SocketLink} hops
 *   there, the {@link Heartbeat} runs there), so the WebSocket connection gets the direct writes strict mode gives
 *   the HTTP connection: each write goes to the channel at once, and {@code writeQueueFull()} is the channel's own
 *   writability ({@code QUIZROOM_WRITE_QUEUE_BYTES} waiting for the peer), no longer that plus 16 frames held in
 *   the queue.</li>
 *   <li><b>The upgraded HTTP connection</b>: the channel handler of the WebSocket keeps the function that created
 *   its connection, and that function holds the HTTP connection, its last request and response and the handshake:
 *   about 1.5 KiB per socket. The function is called once, when the handler joins the channel's pipeline, which
 *   has happened by the time the socket reaches its handler; dropping it frees them.</li>
 * </ol>
 * Vert.x has no option for either, hence reflection on its fields. If a later Vert.x renames them, a trim is skipped
 * (reported once on standard error) and nothing else changes: only memory is lost, and {@code LeanWebSocketTest}
 * fails so that the upgrade notices.
 */
final class LeanWebSocket {

    private static final Field CONNECTION;
    private static final Field QUEUE;
    private static final Constructor<?> DIRECT;
    private static final Field FACTORY;
    private static final Field HEADERS;
    private static final MultiMap NO_HEADERS;

    static {
        Field connection = null;
        Field queue = null;
        Constructor<?> direct = null;
        Field factory = null;
        Field headers = null;
        MultiMap noHeaders = null;
        try {
            Class<?> vertxConnection = Class.forName("io.vertx.core.net.impl.VertxConnection");
            Class<?> webSocket = Class.forName("io.vertx.core.http.impl.WebSocketImplBase");
            connection = accessible(webSocket.getDeclaredField("conn"));
            headers = accessible(webSocket.getDeclaredField("headers"));
            noHeaders = HeadersMultiMap.httpHeaders().copy(false);
            queue = accessible(vertxConnection.getDeclaredField("outboundMessageQueue"));
            direct = Class.forName("io.vertx.core.net.impl.VertxConnection$DirectOutboundMessageQueue")
                    .getDeclaredConstructor(vertxConnection);
            direct.setAccessible(true);
            factory = accessible(Class.forName("io.vertx.core.net.impl.VertxHandler")
                    .getDeclaredField("connectionFactory"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("WebSocket connections keep what Vert.x gives them (" + e + ")");
        }
        CONNECTION = connection;
        QUEUE = queue;
        DIRECT = direct;
        FACTORY = factory;
        HEADERS = noHeaders == null ? null : headers;
        NO_HEADERS = noHeaders;
    }

    private LeanWebSocket() {
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }

    /**
     * Trims a just-opened socket; call it on the socket's own event loop (its handler), before anything is written
     * to it. Does nothing where the fields are not found.
     */
    static void trim(ServerWebSocket socket) {
        if (CONNECTION == null) {
            return;
        }
        try {
            if (HEADERS != null) {
                HEADERS.set(socket, NO_HEADERS);
            }
            Object connection = CONNECTION.get(socket);
            if (DIRECT != null) {
                QUEUE.set(connection, DIRECT.newInstance(connection));
            }
            if (FACTORY != null && connection instanceof ConnectionBase base) {
                ChannelHandler handler = base.channelHandlerContext().handler();
                if (FACTORY.getDeclaringClass().isInstance(handler)) {
                    FACTORY.set(handler, null);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // left as Vert.x made it: costs memory only
        }
    }

    /** True if all three trims are in place (for the test that notices an upgrade undoing one). */
    static boolean isTrimmed(ServerWebSocket socket) {
        try {
            Object connection = CONNECTION.get(socket);
            ChannelHandler handler = ((ConnectionBase) connection).channelHandlerContext().handler();
            return DIRECT.getDeclaringClass().isInstance(QUEUE.get(connection)) && FACTORY.get(handler) == null
                    && socket.headers().isEmpty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
