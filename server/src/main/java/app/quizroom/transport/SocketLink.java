package app.quizroom.transport;

import app.quizroom.game.Link;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.http.ServerWebSocket;

/** A game {@link Link} over one server WebSocket. Writes are safe from any thread; Vert.x moves them onto the socket's loop. */
final class SocketLink implements Link {

    private final ServerWebSocket socket;
    private volatile boolean seated;

    SocketLink(ServerWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void send(ServerMessage message) {
        sendEncoded(Codec.encode(message));
    }

    @Override
    public void sendEncoded(String json) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(json);
        }
    }

    @Override
    public void sendDroppable(ServerMessage message) {
        if (!socket.writeQueueFull()) {
            send(message);
        }
    }

    @Override
    public void seated() {
        seated = true;
    }

    /** True once a room has given this connection a seat or the host's place. */
    boolean isSeated() {
        return seated;
    }

    @Override
    public void close(int code, String reason) {
        if (!socket.isClosed()) {
            socket.close((short) code, reason);
        }
    }
}
