package app.quizroom.cluster;

import app.quizroom.game.EdgeDesk;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Link;
import app.quizroom.game.Phase;
import app.quizroom.game.Refusal;
import app.quizroom.game.RoomPlan;
import app.quizroom.game.SharedFrame;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One room another node owns, as this node serves some of its connections (docs/cluster.md §5). Frames from the
 * owner are written to the connections they name, a frame for many encoded once; hellos, commands and closed
 * connections go up to the owner in batches; answers are checked, timed and stored here ({@link EdgeDesk}),
 * acknowledged once committed, and sent to the owner once per question: when every player served here has answered,
 * or at this node's deadline. Used on its own context (one of the room loops) only.
 */
final class EdgeRoom {

    /** A connection served here. */
    private static final class Conn {
        final Link socket;
        /** The player whose seat it holds, or -1. */
        int playerId = -1;
        boolean host;

        Conn(Link socket) {
            this.socket = socket;
        }
    }

    final String pin;
    private final String owner;
    private final EdgeNode node;
    private final Executor executor;
    private final Map<Long, Conn> conns = new HashMap<>();
    /** The owner's member id, learnt from its first message (to notice it leaving). */
    private String ownerId;
    private EdgeDesk desk;
    private boolean finished;
    private JsonArray up = new JsonArray();
    private boolean upQueued;
    /** Answers taken here and not yet sent, all to {@link #answersFor}. */
    private JsonArray answers = new JsonArray();
    private int answersFor = -1;
    /** The question whose answers went to the owner (later ones to it go at once). */
    private int sentFor = -1;
    private long deadlineTimer = -1;
    /** When the running count last went to the owner, and whether a later one is on its way. */
    private long countSentAt = Long.MIN_VALUE / 2;
    private boolean countQueued;

    EdgeRoom(String pin, String owner, EdgeNode node, Executor executor) {
        this.pin = pin;
        this.owner = owner;
        this.node = node;
        this.executor = executor;
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    void hello(long conn, Link socket, String text) {
        conns.putIfAbsent(conn, new Conn(socket));
        toOwner(EdgeBus.op(EdgeBus.HELLO).put(EdgeBus.CONN, conn).put(EdgeBus.TEXT, text)
                .put(EdgeBus.ADDRESS, socket.address()));
    }

    void command(long conn, String text) {
        toOwner(EdgeBus.op(EdgeBus.COMMAND).put(EdgeBus.CONN, conn).put(EdgeBus.TEXT, text));
    }

    void closed(long conn) {
        if (conns.remove(conn) != null) {
            toOwner(EdgeBus.op(EdgeBus.CLOSED).put(EdgeBus.CONN, conn));
            answersIfAllIn();
        }
        if (conns.isEmpty() && finished) {
            node.forget(this);
        }
    }

    /** Hellos, commands and closes go to the owner gathered over a short window, one message for all. */
    private void toOwner(JsonObject op) {
        up.add(op);
        if (!upQueued) {
            upQueued = true;
            node.vertx().setTimer(EdgeBus.UP_WINDOW_MS, id -> execute(this::sendUp));
        }
    }

    private void sendUp() {
        upQueued = false;
        if (!up.isEmpty()) {
            send(EdgeBus.message(pin, node.self(), node.selfId(), up));
            up = new JsonArray();
        }
    }

    private void send(JsonObject message) {
        node.vertx().eventBus().send(EdgeBus.ownerAddress(owner), message);
    }

    void answer(long conn, ClientMessage.Answer answer, String text, long arrivedAt) {
        Conn c = conns.get(conn);
        if (c == null || c.playerId < 0 || desk == null) {
            boolean host = c != null && c.host;
            refuse(c == null ? null : c.socket, host ? new Refusal(ErrorCode.NOT_ALLOWED,
                    "The host does not answer questions.") : new Refusal(ErrorCode.NOT_JOINED, "Join the game first."));
            return;
        }
        EdgeDesk.Outcome outcome = desk.take(c.playerId, answer, arrivedAt);
        if (outcome instanceof Refusal refusal) {
            refuse(c.socket, refusal);
        } else if (outcome instanceof EdgeDesk.Again again) {
            acknowledge(c.socket, answer, again.saving());
        } else if (outcome instanceof EdgeDesk.Taken taken) {
            if (answersFor != answer.question()) {
                answers = new JsonArray();
                answersFor = answer.question();
            }
            answers.add(new JsonObject().put(EdgeBus.PLAYER, c.playerId).put(EdgeBus.TEXT, text)
                    .put(EdgeBus.MS, taken.responseMs()));
            acknowledge(c.socket, answer, taken.saving());
            if (sentFor == answersFor) {
                sendAnswers(); // a player seated after this node sent its answers to the question
            } else {
                answersIfAllIn();
                countSoon(answersFor);
            }
        }
    }

    /**
     * The owner's host sees a live count of answers: this node's goes to it now if the last went long enough ago,
     * else once, when it has; not once this node's answers to the question are sent, since they count then.
     */
    private void countSoon(int question) {
        if (sentFor == question || countQueued) {
            return;
        }
        long wait = countSentAt + EdgeBus.COUNT_INTERVAL_MS - node.clock().millis();
        if (wait <= 0) {
            sendCount(question);
            return;
        }
        countQueued = true;
        node.vertx().setTimer(wait, id -> execute(() -> {
            countQueued = false;
            sendCount(question);
        }));
    }

    private void sendCount(int question) {
        if (desk == null || sentFor == question || !desk.answering(question)) {
            return; // stale: the answers went, or the question moved on
        }
        countSentAt = node.clock().millis();
        send(new JsonObject().put(EdgeBus.PIN, pin).put(EdgeBus.FROM, node.self())
                .put(EdgeBus.FROM_ID, node.selfId()).put(EdgeBus.QUESTION, question)
                .put(EdgeBus.COUNT, desk.answeredHere()));
    }

    private static void refuse(Link socket, Refusal refusal) {
        if (socket != null) {
            socket.send(new ServerMessage.Error(refusal.code(), refusal.message(), "answer"));
        }
    }

    /** As the room does: {@code saved: true} only once the answer is committed, here. */
    private static void acknowledge(Link socket, ClientMessage.Answer answer, GameRecorder.Saving saving) {
        if (saving.isOnDisk()) {
            socket.send(new ServerMessage.AnswerAck(answer.question(), answer.nonce(), true));
            return;
        }
        saving.acknowledged().thenAccept(saved ->
                socket.send(new ServerMessage.AnswerAck(answer.question(), answer.nonce(), saved)));
    }

    /** Sends this node's answers to the open question once every player served here has given one. */
    private void answersIfAllIn() {
        if (desk == null) {
            return;
        }
        int question = desk.question();
        if (!desk.answering(question) || sentFor == question) {
            return;
        }
        for (Conn c : conns.values()) {
            if (c.playerId >= 0 && !desk.answered(c.playerId)) {
                return;
            }
        }
        sendAnswersTo(question);
    }

    private void sendAnswersTo(int question) {
        if (answersFor != question) {
            answers = new JsonArray();
            answersFor = question;
        }
        sendAnswers();
    }

    private void sendAnswers() {
        sentFor = answersFor;
        send(new JsonObject().put(EdgeBus.PIN, pin).put(EdgeBus.FROM, node.self())
                .put(EdgeBus.FROM_ID, node.selfId()).put(EdgeBus.QUESTION, answersFor).put(EdgeBus.ANSWERS, answers));
        answers = new JsonArray();
    }

    /** A message from the owner: its operations, in order. */
    void down(JsonObject message) {
        ownerId = message.getString(EdgeBus.FROM_ID, ownerId);
        JsonArray ops = message.getJsonArray(EdgeBus.OPS);
        for (int i = 0; i < ops.size(); i++) {
            JsonObject op = ops.getJsonObject(i);
            switch (op.getString(EdgeBus.KIND)) {
                case EdgeBus.FRAME -> frame(op.getString(EdgeBus.JSON), op.getJsonArray(EdgeBus.CONNS));
                case EdgeBus.MOVED -> moved(op);
                case EdgeBus.SEATED -> seated(op.getLong(EdgeBus.CONN), op.getInteger(EdgeBus.PLAYER));
                case EdgeBus.CLOSE -> {
                    Conn c = conns.get(op.getLong(EdgeBus.CONN));
                    CloseCode code = CloseCode.of(op.getInteger(EdgeBus.CODE));
                    if (c != null && code != null) {
                        c.socket.close(code, op.getString(EdgeBus.REASON));
                    }
                }
                case EdgeBus.REFUSED -> withConn(op, c -> c.socket.joinRefused());
                case EdgeBus.GUESS -> withConn(op, c -> c.socket.wrongGuess());
                case EdgeBus.PLAN -> plan(op.getString(EdgeBus.JSON));
                case EdgeBus.GONE -> gone();
                default -> {
                }
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

    private void plan(String json) {
        try {
            RoomPlan plan = DatabindCodec.mapper().readValue(json, RoomPlan.class);
            desk = new EdgeDesk(plan, node.store().gameOf(plan.gameId()), node.metrics());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a room plan that cannot be read", e);
        }
    }

    private void moved(JsonObject op) {
        if (desk == null) {
            return;
        }
        int question = op.getInteger(EdgeBus.QUESTION);
        Phase phase = Phase.valueOf(op.getString(EdgeBus.PHASE));
        boolean paused = op.getBoolean(EdgeBus.PAUSED);
        int before = desk.question();
        boolean wasAnswering = desk.answering(before);
        desk.moved(question, phase, paused, op.getLong(EdgeBus.REMAINING), node.clock().millis());
        if (deadlineTimer != -1) {
            node.vertx().cancelTimer(deadlineTimer);
            deadlineTimer = -1;
        }
        if (desk.answering(question)) {
            long delay = Math.max(1, desk.deadline() - node.clock().millis());
            deadlineTimer = node.vertx().setTimer(delay, id -> execute(() -> deadlinePassed(question)));
            answersIfAllIn();
        } else if (wasAnswering && before == question && sentFor != question && !paused && !answers.isEmpty()) {
            sendAnswersTo(question); // closed before this node's deadline: what it took still goes, once
        }
        finished = phase == Phase.FINISHED;
        if (finished && conns.isEmpty()) {
            node.forget(this);
        }
    }

    private void deadlinePassed(int question) {
        deadlineTimer = -1;
        if (desk != null && desk.question() == question && sentFor != question) {
            sendAnswersTo(question);
        }
    }

    /** The owner holds no such room (any more): this node's connections to it are told the room is gone. */
    private void gone() {
        closeAll(CloseCode.ROOM_GONE, "room closed");
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
        node.forget(this);
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
        node.forget(this);
    }

    String owner() {
        return owner;
    }
}
