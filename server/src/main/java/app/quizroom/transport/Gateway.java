package app.quizroom.transport;

import app.quizroom.game.Clock;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.http.ServerWebSocket;

/**
 * The WebSocket edge: decodes each frame once, answers protocol errors itself, and hands valid messages to the
 * room they belong to, on the room's own context. Nothing thrown by a client's input gets past here.
 */
final class Gateway {

    /** RFC 6455 close code for a message too big to process. */
    static final short CLOSE_TOO_BIG = 1009;

    private final RoomRegistry rooms;
    private final Clock clock;
    private final ServerMetrics metrics;

    Gateway(RoomRegistry rooms, Clock clock, ServerMetrics metrics) {
        this.rooms = rooms;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Per-socket state, touched only on the socket's own event loop. */
    private static final class Connection {
        final SocketLink link;
        Room room;

        Connection(SocketLink link) {
            this.link = link;
        }
    }

    void handle(ServerWebSocket socket) {
        Connection connection = new Connection(new SocketLink(socket));
        socket.textMessageHandler(text -> onText(connection, text));
        socket.binaryMessageHandler(data -> error(connection, "bad_message", "Send text frames holding JSON.", null));
        socket.exceptionHandler(failure -> {
            // Vert.x reports an over-size message here and leaves the socket open: close it ourselves.
            metrics.protocolError("too_large");
            if (!socket.isClosed()) {
                socket.close(CLOSE_TOO_BIG, "message too big");
            }
        });
        socket.closeHandler(ignored -> {
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
        String pin = pinOf(message);
        Room target;
        if (pin != null) {
            target = rooms.get(pin.trim());
            if (target == null) {
                error(connection, "room_not_found", "No game with that PIN is running.", Codec.typeOf(message));
                return;
            }
            if (connection.room != null && connection.room != target && connection.link.isSeated()) {
                error(connection, "already_joined", "This connection is already in another game.", Codec.typeOf(message));
                return;
            }
            connection.room = target;
        } else {
            target = connection.room;
            if (target == null) {
                error(connection, "not_joined", "Join a game first.", Codec.typeOf(message));
                return;
            }
        }
        Room room = target;
        room.execute(() -> room.onMessage(connection.link, message, arrivedAt));
    }

    private static String pinOf(ClientMessage message) {
        if (message instanceof ClientMessage.Join join) {
            return join.pin();
        }
        if (message instanceof ClientMessage.Rejoin rejoin) {
            return rejoin.pin();
        }
        if (message instanceof ClientMessage.Host host) {
            return host.pin();
        }
        return null;
    }

    private void error(Connection connection, String code, String message, String ref) {
        metrics.protocolError(code);
        connection.link.send(new ServerMessage.Error(code, message, ref));
    }
}
