package app.quizroom.cluster;

import app.quizroom.game.EdgeDesk;
import app.quizroom.game.Link;
import app.quizroom.game.Phase;
import app.quizroom.game.SharedFrame;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One room another node owns, as this node serves some of its connections (docs/cluster.md §5). Frames from the
 * owner are written to the connections they name, a frame for many encoded once; hellos, commands and closed
 * connections go up to the owner in batches; answers are taken here by {@link EdgeAnswers} (through an
 * {@link EdgeDesk}) and sent to the owner once per question. Used on its own context (one of the room loops) only.
 */
final class EdgeRoom {

    /** A connection served here. */
    static final class Conn {
        final Link socket;
        /** The player whose seat it holds, or -1. */
        int playerId = -1;
        boolean host;
        /** Its last hello was a join (not a host or rejoin): it holds no seat yet. */
        boolean joining;

        Conn(Link socket) {
            this.socket = socket;
        }
    }

    final String pin;
    private final String owner;
    private final EdgeNode node;
    private final Executor executor;
    private final Map<Long, Conn> conns = new HashMap<>();
    private final EdgeAnswers answers;
    /** The owner's member id, learnt from its first message (to notice it leaving). */
    private String ownerId;
    private boolean finished;
    /** This node forgot the room: a hello that found it just before is closed to reconnect, and looks it up again. */
    private boolean forgotten;
    private JsonArray up = new JsonArray();
    private boolean upQueued;

    EdgeRoom(String pin, String owner, EdgeNode node, Executor executor) {
        this.pin = pin;
        this.owner = owner;
        this.node = node;
        this.executor = executor;
        this.answers = new EdgeAnswers(this, node, conns.values());
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    void hello(long conn, Link socket, String text, boolean join) {
        if (forgotten) {
            socket.close(CloseCode.ROOM_MOVED, "the game moved to another server; reconnect");
            return;
        }
        conns.computeIfAbsent(conn, c -> new Conn(socket)).joining = join;
        toOwner(EdgeBus.op(EdgeBus.Up.HELLO).put(EdgeBus.CONN, conn).put(EdgeBus.TEXT, text)
                .put(EdgeBus.ADDRESS, socket.address()));
    }

    void command(long conn, String text) {
        toOwner(EdgeBus.op(EdgeBus.Up.COMMAND).put(EdgeBus.CONN, conn).put(EdgeBus.TEXT, text));
    }

    void closed(long conn) {
        if (conns.remove(conn) != null) {
            toOwner(EdgeBus.op(EdgeBus.Up.CLOSED).put(EdgeBus.CONN, conn));
            answers.answersIfAllIn();
        }
        if (conns.isEmpty() && finished) {
            forgetMe();
        }
    }

    /** Hellos, commands and closes go to the owner gathered over a short window, one message for all. */
    private void toOwner(JsonObject op) {
        up.add(op);
        if (!upQueued) {
            upQueued = true;
            node.local().vertx().setTimer(EdgeBus.UP_WINDOW_MS, id -> execute(this::sendUp));
        }
    }

    private void sendUp() {
        upQueued = false;
        if (!up.isEmpty()) {
            JsonObject message = EdgeBus.message(pin, node.local().self(), up);
            if (!answers.planned()) {
                // The owner sends its plan to a node once, when that node first writes to it; an edge room made
                // again on this node (its predecessor closed, the owner's group for this node kept) asks again.
                message.put(EdgeBus.NEED_PLAN, true);
            }
            send(message);
            up = new JsonArray();
        }
    }

    /** To the room's owner, on its node's address. */
    void send(JsonObject message) {
        node.local().send(EdgeBus.ownerAddress(owner), message);
    }

    /** An answer from a connection served here: taken here (see {@link EdgeAnswers#answer}). */
    void answer(long conn, ClientMessage.Answer answer, String text, long arrivedAt) {
        answers.answer(conns.get(conn), answer, text, arrivedAt);
    }

    /** A message from the owner: its operations, in order. */
    void down(JsonObject message) {
        ownerId = message.getString(EdgeBus.FROM_ID, ownerId);
        JsonArray ops = message.getJsonArray(EdgeBus.OPS);
        for (int i = 0; i < ops.size(); i++) {
            JsonObject op = ops.getJsonObject(i);
            EdgeBus.Down kind = EdgeBus.Down.of(op);
            if (kind == null) {
                continue; // from a newer version of the server: nothing this one can do with it
            }
            switch (kind) {
                case FRAME -> frame(op.getString(EdgeBus.JSON), op.getJsonArray(EdgeBus.CONNS));
                case MOVED -> moved(answers.moved(op));
                case SEATED -> seated(op.getLong(EdgeBus.CONN), op.getInteger(EdgeBus.PLAYER));
                case CLOSE -> {
                    Conn c = conns.get(op.getLong(EdgeBus.CONN));
                    CloseCode code = CloseCode.of(op.getInteger(EdgeBus.CODE));
                    if (c != null && code != null) {
                        c.socket.close(code, op.getString(EdgeBus.REASON));
                    }
                }
                case REFUSED -> withConn(op, c -> c.socket.joinRefused());
                case GUESS -> withConn(op, c -> c.socket.wrongGuess());
                case PLAN -> answers.plan(op.getString(EdgeBus.JSON));
                case GONE -> gone();
                case AWAY -> away();
            }
        }
    }

    private void withConn(JsonObject op, java.util.function.Consumer<Conn> action) {
        Conn c = conns.get(op.getLong(EdgeBus.CONN));
        if (c != null) {
            action.accept(c);
        }
    }

    /** One frame for the connections named: encoded once by the owner, its bytes shared by all of them here. */
    private void frame(String json, JsonArray targets) {
        if (targets.size() == 1) {
            Conn c = conns.get(targets.getLong(0));
            if (c != null) {
                c.socket.sendEncoded(json);
            }
            return;
        }
        SharedFrame frame = new SharedFrame(json);
        for (int i = 0; i < targets.size(); i++) {
            Conn c = conns.get(targets.getLong(i));
            if (c != null) {
                c.socket.sendShared(frame);
            }
        }
    }

    private void seated(long conn, int playerId) {
        Conn c = conns.get(conn);
        if (c == null) {
            return;
        }
        if (playerId < 0) {
            c.host = true;
            c.socket.seated();
        } else {
            c.playerId = playerId;
            c.socket.seatedAs(playerId);
        }
    }

    private void moved(Phase phase) {
        if (phase == null) {
            return; // before the plan: nothing is served yet
        }
        finished = phase == Phase.FINISHED;
        if (finished && conns.isEmpty()) {
            forgetMe();
        }
    }

    /** The owner holds no such room (any more): this node's connections to it are told the room is gone. */
    private void gone() {
        closeAll(CloseCode.ROOM_GONE, "room closed");
    }

    /**
     * The owner handed the room to another node, or is handing it over (docs/cluster.md §8), and the PIN map may
     * still name it: every connection to the room served here, seated or still waiting for its host or rejoin to be
     * answered, is closed with {@link CloseCode#ROOM_MOVED} and keeps its seat; it reconnects, and this node looks the
     * PIN up again. Only a join not yet answered is told the PIN is gone, as a locked room's would be.
     */
    private void away() {
        finished = true;
        for (Conn c : conns.values()) {
            if (c.playerId < 0 && !c.host && c.joining) {
                c.socket.send(new ServerMessage.Error(ErrorCode.ROOM_NOT_FOUND, app.quizroom.game.Room.NO_SUCH_ROOM,
                        null));
            } else {
                c.socket.close(CloseCode.ROOM_MOVED, "the game moved to another server; reconnect");
            }
        }
        forgetMe();
    }

    /** Closes this node's connections to the room: seated ones with {@code code}, the others told the PIN is gone. */
    private void closeAll(CloseCode code, String reason) {
        finished = true;
        for (Conn c : conns.values()) {
            if (c.playerId < 0 && !c.host) {
                c.socket.send(new ServerMessage.Error(ErrorCode.ROOM_NOT_FOUND, app.quizroom.game.Room.NO_SUCH_ROOM,
                        null));
            } else {
                c.socket.close(code, reason);
            }
        }
        forgetMe();
    }

    /**
     * A cluster member left ({@code ownerIsMember}: whether the room's owner still is one, as this node sees the
     * cluster now). If the owner left, see {@link #ownerGone}.
     */
    void memberLeft(String nodeId, boolean ownerIsMember) {
        if (nodeId.equals(ownerId) || !ownerIsMember) {
            ownerGone();
        }
    }

    /**
     * The room's owner is no longer a member of the cluster: this node's connections to the room, seated or still
     * waiting for the owner's answer, are closed with {@link CloseCode#ROOM_MOVED}. They reconnect, and the first
     * host or rejoin to reach a node makes it take the room over from the state the owner saved (docs/cluster.md
     * §7); the others are then served by the new owner.
     */
    void ownerGone() {
        finished = true;
        for (Conn c : conns.values()) {
            c.socket.close(CloseCode.ROOM_MOVED, "the game's server left; reconnect");
        }
        forgetMe();
    }

    private void forgetMe() {
        forgotten = true;
        node.forget(this);
    }

    String owner() {
        return owner;
    }
}
