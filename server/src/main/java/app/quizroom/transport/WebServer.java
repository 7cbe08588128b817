package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.support.Clock;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.protocol.ErrorCode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;

import java.util.function.BooleanSupplier;

/**
 * The server's network edge: Vert.x HTTP servers that answer {@link HttpRoutes} and take the game's WebSocket at
 * {@value Addresses#WEBSOCKET_PATH} from allowed origins to the {@link Gateway}, every TCP connection counted and
 * timed by the {@link ConnectionGuard}.
 */
public final class WebServer {

    private final Vertx vertx;
    private final Config config;
    private final Addresses addresses;
    private final HttpRoutes http;
    private final ServerMetrics metrics;
    private final Gateway gateway;
    private final OriginPolicy origins;
    private final ConnectionGuard guard;

    /**
     * @param stopping true once the server is shutting down (new sockets are then refused)
     * @param takeover cluster mode: how a room whose owner left is taken over by this node ({@link RoomTakeover#NONE}
     *                 alone)
     * @param edges    rooms held by other nodes of the cluster, served here for them; null when the server runs alone
     */
    public WebServer(Vertx vertx, Config config, Addresses addresses, HttpRoutes http, RoomRegistry rooms, Clock clock,
                     ServerMetrics metrics, BooleanSupplier stopping, RoomTakeover takeover, Edges edges) {
        this.vertx = vertx;
        this.config = config;
        this.addresses = addresses;
        this.http = http;
        this.metrics = metrics;
        this.gateway = new Gateway(rooms, clock, metrics, config, vertx, stopping, takeover, edges);
        this.origins = new OriginPolicy(config, addresses::publicUrl);
        this.guard = new ConnectionGuard(vertx, config, metrics);
    }

    /** The HTTP and WebSocket options of the server (public so that protocol-compliance tools run with them). */
    public static HttpServerOptions options(Config config) {
        return new HttpServerOptions()
                .setPort(config.port())
                .setHost(config.bindHost())
                // Deflate is on by default in Vert.x 5 and an inflated frame has no size cap: keep it off.
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                // Without h2c, Vert.x sets a connection up as HTTP/1.1 on accepting it and calls the connection
                // handler at once; with it, only once the first bytes arrive, so an idle connection went uncounted.
                // Browsers never speak h2c (HTTP/2 without TLS).
                .setHttp2ClearTextEnabled(false)
                .setMaxWebSocketFrameSize(config.maxMessageBytes())
                .setMaxWebSocketMessageSize(config.maxMessageBytes())
                // A peer silent this long (no frame, not even a pong to our pings) is closed; its seat stays.
                .setReadIdleTimeout(config.readIdleSeconds())
                // A peer that takes nothing this long (not even our pings get out) is dropped at the TCP level: the
                // WebSocket close handshake cannot finish with a peer that does not read. Healthy sockets see a
                // completed write (a ping at least) every QUIZROOM_PING_SECONDS.
                .setWriteIdleTimeout(config.pingSeconds() + config.slowClientSeconds())
                // Every write is made on the connection's own event loop (SocketLink hops there; HTTP handlers
                // answer from their callbacks), so the HTTP connection needs no queue for writes from other
                // threads. Vert.x keeps the upgraded HTTP connection of each WebSocket, and that queue with it:
                // a 1,024-slot array, about 4.5 KiB for every connected phone.
                .setStrictThreadMode(true);
    }

    /**
     * Deploys {@code instances} servers, each on its own event loop; Vert.x shares the port between them. Completes
     * once all listen, with {@link Addresses#port()} set.
     */
    public Future<Void> deploy(int instances) {
        return vertx.deployVerticle(Instance::new, new DeploymentOptions().setInstances(instances)).mapEmpty();
    }

    /** One HTTP server on its own event loop; the gateway, origin policy and connection guard are shared. */
    private final class Instance extends VerticleBase {

        @Override
        public Future<?> start() {
            Router router = http.router(vertx);
            return vertx.createHttpServer(options(config))
                    .connectionHandler(guard::opened)
                    .requestHandler(request -> {
                        SocketAddress remote = request.remoteAddress();
                        guard.requestStarted(remote);
                        // Once the whole body is written (in the kernel's buffer: a close then still delivers it).
                        request.response().bodyEndHandler(ignored -> guard.requestEnded(remote));
                        router.handle(request);
                    })
                    .webSocketHandshakeHandler(handshake -> {
                        SocketAddress remote = handshake.remoteAddress();
                        guard.requestStarted(remote);
                        if (!Addresses.WEBSOCKET_PATH.equals(handshake.path())) {
                            handshake.reject(404).onComplete(ignored -> guard.requestEnded(remote));
                        } else if (!origins.allows(handshake.headers().get("Origin"), addresses.port())) {
                            metrics.protocolError(ErrorCode.ORIGIN_REFUSED.wire());
                            handshake.reject(403).onComplete(ignored -> guard.requestEnded(remote));
                        } else {
                            guard.upgraded(remote);
                            handshake.accept();
                        }
                    })
                    .webSocketHandler(socket -> gateway.handle(socket, guard.onWebSocketClosed(socket.remoteAddress())))
                    .listen()
                    .onSuccess(server -> addresses.bound(server.actualPort()));
        }
    }
}
