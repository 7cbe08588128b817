package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.game.Clock;
import app.quizroom.game.RateLimiter;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.function.BooleanSupplier;

/**
 * The WebSocket edge: decodes each frame once, answers protocol errors itself, and hands valid messages to the
 * room they belong to, on the room's own context. Nothing thrown by a client's input gets past here.
 */
final class Gateway {

    private final RoomRegistry rooms;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final Config config;
    private final Vertx vertx;
    private final RateLimiter pinFailures;
    private final BooleanSupplier stopping;

    Gateway(RoomRegistry rooms, Clock clock, ServerMetrics metrics, Config config, Vertx vertx,
            BooleanSupplier stopping) {
        this.rooms = rooms;
        this.stopping = stopping;
        this.clock = clock;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
        // Real time, whatever the game clock: this is a brake on scanners, not part of a game.
        this.pinFailures = new RateLimiter(Clock.SYSTEM, config.pinFailuresPerSecond(), config.pinFailuresPerSecond());
    }

    /** Per-socket state, touched only on the socket's own event loop. */
    private static final class Connection {
        final SocketLink link;
        Room room;
        int failedLookups;

        Connection(SocketLink link) {
            this.link = link;
        }
    }

    /** Takes a new WebSocket; {@code closed} runs when it closes, however that happens. */
    void handle(ServerWebSocket socket, Runnable closed) {
        Connection connection = new Connection(new SocketLink(socket, vertx, config.slowClientSeconds() * 1000L,
                config.writeQueueBytes(), metrics));
        // Heartbeat: browsers answer pings by themselves, and the server's read-idle timeout closes a silent peer.
        long pinger = vertx.setPeriodic(config.pingSeconds() * 1000L, ignored -> {
            if (!socket.isClosed()) {
                socket.writePing(Buffer.buffer());
            }
        });
        long joinDeadline = vertx.setTimer(config.joinTimeoutSeconds() * 1000L, ignored -> {
            if (!connection.link.isSeated() && !socket.isClosed()) {
                socket.close(CloseCode.POLICY.code(), "no game joined in time");
            }
        });
        TextMessages.install(socket, config.maxMessageBytes(), new TextMessages.Listener() {
            @Override
            public void text(String message) {
                onText(connection, message);
            }

            @Override
            public void binary(Buffer message) {
                error(connection, ErrorCode.BAD_MESSAGE, "Send text frames holding JSON.", null);
            }

            @Override
            public void refused(String reason) {
                metrics.protocolError(reason);
            }
        });
        socket.closeHandler(ignored -> {
            closed.run();
            vertx.cancelTimer(pinger);
            vertx.cancelTimer(joinDeadline);
            Room room = connection.room;
            if (room != null) {
                room.execute(() -> room.onClose(connection.link));
            }
        });
    }

    private void onText(Connection connection, String text) {
        long arrivedAt = clock.millis();
        Codec.Decoded decoded = Codec.decode(text);
        if (decoded instanceof Codec.Failed failed) {
            metrics.protocolError(failed.error().code());
            connection.link.send(failed.error());
            return;
        }
        ClientMessage message = ((Codec.Ok) decoded).message();
        if (message instanceof ClientMessage.Ping) {
            connection.link.send(new ServerMessage.Pong());
            return;
        }
        String ref = Codec.typeOf(message);
        Room target;
        if (message instanceof ClientMessage.Hello hello) {
            target = rooms.get(hello.pin().trim());
            boolean join = hello instanceof ClientMessage.Join;
            if (join && stopping.getAsBoolean()) {
                error(connection, ErrorCode.SHUTTING_DOWN, "The server is restarting; try again in a moment.", ref);
                return;
            }
            if (target == null || join && !target.acceptsJoins()) {
                wrongPin(connection, ref);
                return;
            }
            if (connection.room != null && connection.room != target && connection.link.isSeated()) {
                error(connection, ErrorCode.ALREADY_JOINED, "This connection is already in another game.", ref);
                return;
            }
            connection.room = target;
        } else {
            target = connection.room;
            if (target == null) {
                error(connection, ErrorCode.NOT_JOINED, "Join a game first.", ref);
                return;
            }
        }
        Room room = target;
        room.execute(() -> room.onMessage(connection.link, message, arrivedAt));
    }

    /**
     * A PIN that no open game has. The answer is the same as for a locked room. A socket that keeps guessing is
     * closed; past a server-wide rate of misses, further misses are answered {@code rate_limited}. Lookups of real
     * PINs are never throttled here, so a whole class behind one address still gets in.
     */
    private void wrongPin(Connection connection, String ref) {
        connection.failedLookups++;
        metrics.pinFailure();
        if (pinFailures.tryAcquire()) {
            error(connection, ErrorCode.ROOM_NOT_FOUND, Room.NO_SUCH_ROOM, ref);
        } else {
            error(connection, ErrorCode.RATE_LIMITED, "Too many wrong PINs are being tried; wait a moment.", ref);
        }
        if (connection.failedLookups >= config.pinFailuresPerSocket()) {
            connection.link.close(CloseCode.POLICY, "too many wrong PINs");
        }
    }

    private void error(Connection connection, ErrorCode code, String message, String ref) {
        metrics.protocolError(code.wire());
        connection.link.send(new ServerMessage.Error(code, message, ref));
    }
}
