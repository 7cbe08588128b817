package app.quizroom.cluster;

import app.quizroom.game.CountPacer;
import app.quizroom.game.EdgeDesk;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Link;
import app.quizroom.game.Phase;
import app.quizroom.game.Refusal;
import app.quizroom.game.RoomPlan;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * An edge's answers to one room's questions (docs/cluster.md §6): checked, timed and stored here through the
 * {@link EdgeDesk} the owner's plan sets up, acknowledged once committed, and sent to the owner once per question:
 * when every player served here has answered, or at this node's deadline; meanwhile a running count for the host.
 * Owned by an {@link EdgeRoom}, on its context.
 */
final class EdgeAnswers {

    private final String pin;
    private final EdgeNode node;
    private final LocalNode local;
    private final EdgeRoom room;
    /** The connections the room serves here (a live view). */
    private final Collection<EdgeRoom.Conn> conns;
    private EdgeDesk desk;
    /** Answers taken here and not yet sent, all to {@link #answersFor}. */
    private JsonArray answers = new JsonArray();
    private int answersFor = -1;
    /** The question whose answers went to the owner (later ones to it go at once). */
    private int sentFor = -1;
    private long deadlineTimer = -1;
    /** The running count to the owner, sent at most every {@value EdgeBus#COUNT_INTERVAL_MS} ms. */
    private final CountPacer counts;

    EdgeAnswers(EdgeRoom room, EdgeNode node, Collection<EdgeRoom.Conn> conns) {
        this.room = room;
        this.pin = room.pin;
        this.node = node;
        this.local = node.local();
        this.conns = conns;
        this.counts = new CountPacer(local.clock(), (delayMs, task) -> {
            long timer = local.vertx().setTimer(Math.max(1, delayMs), id -> room.execute(task));
            return () -> local.vertx().cancelTimer(timer);
        }, EdgeBus.COUNT_INTERVAL_MS, this::sendCount);
    }

    /** An answer from connection {@code c} (null if it closed meanwhile), as the room's answer desk would take it. */
    void answer(EdgeRoom.Conn c, ClientMessage.Answer answer, String text, long arrivedAt) {
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
     * else once, when it has ({@link CountPacer}: one still on its way for an earlier question does not hold this
     * one up); not once this node's answers to the question are sent, since they count then.
     */
    private void countSoon(int question) {
        if (sentFor != question) {
            counts.changed(question);
        }
    }

    /** This node's count of answers to {@code question} to the owner; false if stale (sent, or moved on). */
    private boolean sendCount(int question) {
        if (desk == null || sentFor == question || !desk.answering(question)) {
            return false;
        }
        // Who answered, not only how many: the owner may have some of them already (a phone that answered through a
        // node that died, read back from the database), and counts each player once.
        JsonArray players = new JsonArray();
        if (answersFor == question) {
            for (int i = 0; i < answers.size(); i++) {
                players.add(answers.getJsonObject(i).getInteger(EdgeBus.PLAYER));
            }
        }
        room.send(local.message(pin).put(EdgeBus.QUESTION, question)
                .put(EdgeBus.COUNT, desk.answeredHere()).put(EdgeBus.PLAYERS, players));
        return true;
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
    void answersIfAllIn() {
        if (desk == null) {
            return;
        }
        int question = desk.question();
        if (!desk.answering(question) || sentFor == question) {
            return;
        }
        for (EdgeRoom.Conn c : conns) {
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
        room.send(local.message(pin).put(EdgeBus.QUESTION, answersFor).put(EdgeBus.ANSWERS, answers));
        answers = new JsonArray();
    }

    /** Whether the owner's plan has come: answers are taken here only once it has. */
    boolean planned() {
        return desk != null;
    }

    /**
     * The owner's plan of the game: from now on answers are taken here. A plan sent again (this room asked for it
     * while an earlier answer was on its way) changes nothing: the desk keeps the answers it took.
     */
    void plan(String json) {
        if (desk != null) {
            return;
        }
        try {
            RoomPlan plan = DatabindCodec.mapper().readValue(json, RoomPlan.class);
            desk = node.deskFor(plan);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a room plan that cannot be read", e);
        }
    }

    /**
     * The game moved (the owner's {@code moved}): the desk follows it, this node's deadline is set for an open
     * question, and what was taken for a question closed early still goes. Returns the phase; null before the plan.
     */
    Phase moved(JsonObject op) {
        if (desk == null) {
            return null;
        }
        int question = op.getInteger(EdgeBus.QUESTION);
        Phase phase = Phase.valueOf(op.getString(EdgeBus.PHASE));
        boolean paused = op.getBoolean(EdgeBus.PAUSED);
        int before = desk.question();
        boolean wasAnswering = desk.answering(before);
        desk.moved(question, phase, paused, op.getLong(EdgeBus.REMAINING), local.clock().millis());
        if (deadlineTimer != -1) {
            local.vertx().cancelTimer(deadlineTimer);
            deadlineTimer = -1;
        }
        if (desk.answering(question)) {
            long delay = Math.max(1, desk.deadline() - local.clock().millis());
            deadlineTimer = local.vertx().setTimer(delay, id -> room.execute(() -> deadlinePassed(question)));
            answersIfAllIn();
        } else if (wasAnswering && before == question && sentFor != question && !paused && !answers.isEmpty()) {
            sendAnswersTo(question); // closed before this node's deadline: what it took still goes, once
        }
        return phase;
    }

    private void deadlinePassed(int question) {
        deadlineTimer = -1;
        if (desk != null && desk.question() == question && sentFor != question) {
            sendAnswersTo(question);
        }
    }
}
