package app.quizroom.cluster;

import app.quizroom.game.Link;
import app.quizroom.game.SharedFrame;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;

/**
 * A connection another node serves for a room of this one, as the room sees it: a seat's (or the host's) link like
 * any other. What the room sends it goes into its node's {@link EdgeGroup}, which sends everything of one room task
 * to that node in one bus message; a frame shared by many of the node's connections travels once.
 */
final class RemoteLink implements Link {

    private final EdgeGroup group;
    private final long conn;
    private final String address;
    /** The player whose seat this connection holds, or -1. */
    private int playerId = -1;

    RemoteLink(EdgeGroup group, long conn, String address) {
        this.group = group;
        this.conn = conn;
        this.address = address;
    }

    long conn() {
        return conn;
    }

    int playerId() {
        return playerId;
    }

    /** True once the room gave this connection a player's seat. */
    boolean isPlayer() {
        return playerId >= 0;
    }

    @Override
    public void send(ServerMessage message) {
        group.frame(Codec.encode(message), conn);
    }

    @Override
    public void sendEncoded(String json) {
        group.frame(json, conn);
    }

    @Override
    public void sendShared(SharedFrame frame) {
        group.shared(frame, conn);
    }

    @Override
    public void close(CloseCode code, String reason) {
        group.op(EdgeBus.op(EdgeBus.Down.CLOSE).put(EdgeBus.CONN, conn).put(EdgeBus.CODE, code.code())
                .put(EdgeBus.REASON, reason));
    }

    @Override
    public void seated() {
        group.op(EdgeBus.op(EdgeBus.Down.SEATED).put(EdgeBus.CONN, conn).put(EdgeBus.PLAYER, -1));
    }

    @Override
    public void seatedAs(int playerId) {
        this.playerId = playerId;
        group.op(EdgeBus.op(EdgeBus.Down.SEATED).put(EdgeBus.CONN, conn).put(EdgeBus.PLAYER, playerId));
    }

    @Override
    public void joinRefused() {
        group.op(EdgeBus.op(EdgeBus.Down.REFUSED).put(EdgeBus.CONN, conn));
    }

    @Override
    public void wrongGuess() {
        group.op(EdgeBus.op(EdgeBus.Down.GUESS).put(EdgeBus.CONN, conn));
    }

    @Override
    public String address() {
        return address;
    }
}
