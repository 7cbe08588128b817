package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.metrics.ServerMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.SocketAddress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps idle TCP connections from taking the process's file descriptors: at most {@code maxConnections} open at once
 * (below the descriptor limit, QUIZROOM_MAX_CONNECTIONS), at most {@code perAddress} from one client address
 * (QUIZROOM_CONNECTIONS_PER_ADDRESS: a whole school behind one NAT address fits), and each
 * connection must send a complete request (its request line and headers; a WebSocket upgrade is one) within
 * {@code deadlineMs} of opening or of its previous response's end (QUIZROOM_HANDSHAKE_SECONDS). A connection over a
 * cap is closed as soon as it is accepted, so it holds its descriptor for no time. Shared by every server instance:
 * counts are atomic.
 */
final class ConnectionGuard {

    static final String TOO_MANY = "too_many_connections";
    static final String TOO_MANY_FROM_ADDRESS = "too_many_from_address";
    static final String NO_REQUEST_IN_TIME = "no_request_in_time";

    private final Vertx vertx;
    private final int maxConnections;
    private final int perAddress;
    private final long deadlineMs;
    private final ServerMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    /** Open connections by remote address and port, to find a connection from its requests and handshakes. */
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    /** One open connection; touched only on its own event loop. */
    private final class Tracked {
        /**
         * Null once upgraded: Vert.x then needs the HTTP connection no more (the WebSocket has its own), and
         * keeping it would keep its last request and response, about 1 KiB for every connected phone.
         */
        HttpConnection connection;
        final String key;
        final String host;
        long deadline = -1;
        boolean upgraded;
        boolean closed;

        Tracked(HttpConnection connection, String host) {
            this.connection = connection;
            this.key = key(connection.remoteAddress());
            this.host = host;
        }

        /** Counts the connection out, once, whichever of its close handlers comes first. */
        void closed() {
            if (!closed) {
                closed = true;
                disarm();
                tracked.remove(key, this);
                release(host);
            }
        }

        void arm() {
            disarm();
            deadline = vertx.setTimer(deadlineMs, id -> {
                deadline = -1;
                metrics.connectionRefused(NO_REQUEST_IN_TIME);
                connection.close();
            });
        }

        void disarm() {
            if (deadline != -1) {
                vertx.cancelTimer(deadline);
                deadline = -1;
            }
        }
    }

    ConnectionGuard(Vertx vertx, Config config, ServerMetrics metrics) {
        this.vertx = vertx;
        this.maxConnections = config.maxConnections();
        this.perAddress = config.connectionsPerAddress();
        this.deadlineMs = config.handshakeSeconds() * 1000L;
        this.metrics = metrics;
        metrics.connectionsOpen(open);
    }

    /** A TCP connection was accepted (the server's connection handler, on its event loop). */
    void opened(HttpConnection connection) {
        String host = connection.remoteAddress().hostAddress();
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refuse(connection, TOO_MANY);
            return;
        }
        int[] from = new int[1];
        byAddress.merge(host, 1, (n, one) -> from[0] = n + 1);
        if (from[0] > perAddress) {
            release(host);
            refuse(connection, TOO_MANY_FROM_ADDRESS);
            return;
        }
        Tracked t = new Tracked(connection, host);
        tracked.put(t.key, t);
        t.arm();
        connection.closeHandler(ignored -> t.closed());
    }

    /** A request's headers have arrived on the connection from this address: its deadline is off until it ends. */
    void requestStarted(SocketAddress remote) {
        Tracked t = tracked.get(key(remote));
        if (t != null) {
            t.disarm();
        }
    }

    /** A response went out in full; a connection kept alive must send its next request in time. */
    void requestEnded(SocketAddress remote) {
        Tracked t = tracked.get(key(remote));
        if (t != null && !t.upgraded) {
            t.arm();
        }
    }

    /** A WebSocket upgrade arrived on the connection from this address: its deadline is off for good. */
    void upgraded(SocketAddress remote) {
        Tracked t = tracked.get(key(remote));
        if (t != null) {
            t.upgraded = true;
            t.disarm();
        }
    }

    /**
     * What to run when the WebSocket just upgraded on the connection from this address closes. Vert.x does not call
     * an upgraded connection's close handler, so the WebSocket's close counts it out. Taken at the upgrade, so that a
     * later connection from the same address and port is never mistaken for this one; the connection is looked up
     * no more after this, so it leaves the table (the returned task still counts it out once).
     */
    Runnable onWebSocketClosed(SocketAddress remote) {
        Tracked t = tracked.remove(key(remote));
        if (t == null) {
            return () -> { };
        }
        t.connection = null;
        return t::closed;
    }

    private void release(String host) {
        open.decrementAndGet();
        byAddress.computeIfPresent(host, (h, n) -> n == 1 ? null : n - 1);
    }

    private void refuse(HttpConnection connection, String reason) {
        metrics.connectionRefused(reason);
        connection.close();
    }

    private static String key(SocketAddress address) {
        return address.hostAddress() + " " + address.port();
    }
}
