package app.quizroom.cluster;

import app.quizroom.game.Phase;
import app.quizroom.game.Remotes;
import app.quizroom.game.Room;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.Codec;
import app.quizroom.store.StoredAnswer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A room's edge nodes, as its owner sees them: one {@link EdgeGroup} per node, told each move of the game, and the
 * nodes whose answers to the open question are still awaited. It carries what the edges send into the room:
 * hellos and commands through each connection's {@link RemoteLink}, closed connections, and batches of answers.
 * Used on the room's context only.
 */
final class RoomEdges implements Remotes {

    private final Room room;
    private final LocalNode local;
    private final Map<String, EdgeGroup> groups = new HashMap<>();
    /** Where the game was at its last move, and when (this node's clock). */
    private int question = -1;
    private Phase phase = Phase.LOBBY;
    private boolean paused;
    private long remainingMs;
    private long movedAt;
    /** The edge nodes that served players when answers to {@link #question} opened and have not sent them yet. */
    private final Set<String> owing = new HashSet<>();
    /** Each owing node's running count of the answers it took to {@link #question}: the players who gave them. */
    private final Map<String, Set<Integer>> counts = new HashMap<>();

    /** Where the answers a dead edge stored are read back (the shared database). */
    private final StoredAnswers stored;
    /** Reads of a dead edge's stored answers to {@link #question} still on their way. */
    private int recovering;

    /** The answers stored for one question of a game. */
    @FunctionalInterface
    interface StoredAnswers {
        Future<List<StoredAnswer>> of(long gameId, int question);
    }

    RoomEdges(Room room, LocalNode local, StoredAnswers stored) {
        this.stored = stored;
        this.room = room;
        this.local = local;
    }

    Room room() {
        return room;
    }

    @Override
    public void moved(int question, Phase phase, boolean paused, long remainingMs) {
        boolean opened = phase == Phase.ANSWERING && !(this.phase == Phase.ANSWERING && this.question == question);
        this.question = question;
        this.phase = phase;
        this.paused = paused;
        this.remainingMs = remainingMs;
        this.movedAt = local.clock().millis();
        if (opened) {
            recovering = 0;
            owing.clear();
            counts.clear();
            groups.values().stream().filter(EdgeGroup::servesPlayers).forEach(g -> owing.add(g.edge.name()));
        }
        groups.values().forEach(g -> g.op(moment()));
    }

    @Override
    public boolean awaiting(int question) {
        return question == this.question && (!owing.isEmpty() || recovering > 0);
    }

    @Override
    public int counted(int question, IntPredicate counted) {
        if (question != this.question) {
            return 0;
        }
        Set<Integer> players = new HashSet<>();
        for (Set<Integer> taken : counts.values()) {
            players.addAll(taken);
        }
        players.removeIf(counted::test);
        return players.size();
    }

    /** Where the game is now, as an edge is told it; a running countdown's time left counts from now. */
    private JsonObject moment() {
        long left = phase.questionOpen() && !paused ? Math.max(0, remainingMs - (local.clock().millis() - movedAt))
                : remainingMs;
        return EdgeBus.op(EdgeBus.Down.MOVED).put(EdgeBus.QUESTION, question).put(EdgeBus.PHASE, phase.name())
                .put(EdgeBus.PAUSED, paused).put(EdgeBus.REMAINING, left);
    }

    /** A message from an edge node about this room. */
    void receive(JsonObject message) {
        Member edge = EdgeBus.sender(message);
        EdgeGroup known = groups.get(edge.name());
        EdgeGroup group = group(edge);
        if (group == known && message.getBoolean(EdgeBus.NEED_PLAN, false)) {
            sendPlan(group); // the node's edge room for this room was made again, after the group first sent it
        }
        Integer count = message.getInteger(EdgeBus.COUNT);
        if (count != null) {
            JsonArray players = message.getJsonArray(EdgeBus.PLAYERS, new JsonArray());
            if (message.getInteger(EdgeBus.QUESTION) == question && owing.contains(group.edge.name())) {
                Set<Integer> taken = new HashSet<>();
                for (int i = 0; i < players.size(); i++) {
                    taken.add(players.getInteger(i));
                }
                counts.put(group.edge.name(), taken);
                room.remoteCountChanged();
            }
            return;
        }
        JsonArray answers = message.getJsonArray(EdgeBus.ANSWERS);
        if (answers != null) {
            answers(group, message.getInteger(EdgeBus.QUESTION), answers);
            return;
        }
        JsonArray ops = message.getJsonArray(EdgeBus.OPS);
        for (int i = 0; i < ops.size(); i++) {
            up(group, ops.getJsonObject(i));
        }
    }

    private EdgeGroup group(Member edge) {
        EdgeGroup group = groups.get(edge.name());
        if (group == null || !group.edge.id().equals(edge.id())) {
            if (group != null) {
                nodeLeft(group); // the node started again: its old connections are gone
            }
            group = new EdgeGroup(edge, room, local);
            groups.put(edge.name(), group);
            sendPlan(group);
        }
        return group;
    }

    /** The room's plan and where the game is, which an edge room needs before it serves anyone. */
    private void sendPlan(EdgeGroup group) {
        group.op(EdgeBus.op(EdgeBus.Down.PLAN).put(EdgeBus.JSON, Codec.json(room.plan())));
        group.op(moment());
    }

    private void up(EdgeGroup group, JsonObject op) {
        EdgeBus.Up kind = EdgeBus.Up.of(op);
        if (kind == null) {
            return; // from a newer version of the server: nothing this one can do with it
        }
        long conn = op.getLong(EdgeBus.CONN);
        switch (kind) {
            case HELLO, COMMAND -> {
                if (Codec.decode(op.getString(EdgeBus.TEXT)) instanceof Codec.Ok ok) {
                    RemoteLink link = group.link(conn, op.getString(EdgeBus.ADDRESS, ""));
                    room.onMessage(link, ok.message(), local.clock().millis());
                }
            }
            case CLOSED -> {
                RemoteLink link = group.remove(conn);
                if (link != null) {
                    room.onClose(link);
                }
            }
        }
    }

    private void answers(EdgeGroup group, int question, JsonArray given) {
        if (question == this.question) {
            owing.remove(group.edge.name()); // before the room looks: these may be the last answers it waits for
            counts.remove(group.edge.name()); // from now on they are in the room's own count
        }
        List<Room.RemoteAnswer> answers = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            JsonObject a = given.getJsonObject(i);
            if (Codec.decode(a.getString(EdgeBus.TEXT)) instanceof Codec.Ok ok
                    && ok.message() instanceof ClientMessage.Answer answer) {
                answers.add(new Room.RemoteAnswer(a.getInteger(EdgeBus.PLAYER), answer, a.getLong(EdgeBus.MS)));
            }
        }
        room.remoteAnswers(answers);
    }

    /** A cluster member left: if it served this room, its connections are closed as far as the room knows. */
    void memberLeft(String nodeId) {
        for (EdgeGroup group : new ArrayList<>(groups.values())) {
            if (group.edge.id().equals(nodeId)) {
                groups.remove(group.edge.name());
                nodeLeft(group);
            }
        }
    }

    private void nodeLeft(EdgeGroup group) {
        boolean owed = owing.remove(group.edge.name()) && phase == Phase.ANSWERING;
        counts.remove(group.edge.name());
        Set<Integer> players = new HashSet<>();
        for (RemoteLink link : group.links()) {
            if (link.isPlayer()) {
                players.add(link.playerId());
            }
            group.remove(link.conn());
            room.onClose(link);
        }
        if (owed && !players.isEmpty()) {
            recover(question, players);
        } else {
            room.remoteAnswers(List.of()); // no more answers owed by it: a question past its deadline may close
        }
    }

    /**
     * The node died owing its answers to the open question: those it acknowledged are in the database, so the room
     * reads them back and scores them as if the node had sent them (the question waits for the read as it would
     * have for the node, within the grace period).
     */
    private void recover(int question, Set<Integer> players) {
        recovering++;
        stored.of(room.plan().gameId(), question).onComplete(read -> room.execute(() -> {
            if (question != this.question || recovering == 0) {
                return; // stale: the question moved on
            }
            recovering--;
            List<Room.RemoteAnswer> answers = new ArrayList<>();
            if (read.succeeded()) {
                for (StoredAnswer a : read.result()) {
                    if (players.contains(a.playerId())) {
                        JsonObject given = new JsonObject(a.answerJson());
                        JsonArray options = given.getJsonArray("options");
                        JsonArray order = given.getJsonArray("order");
                        answers.add(new Room.RemoteAnswer(a.playerId(), new ClientMessage.Answer(question,
                                given.getInteger("option"), options == null ? null : intList(options),
                                order == null ? null : intList(order), given.getDouble("value"), null),
                                a.responseMs()));
                    }
                }
            }
            room.remoteAnswers(answers);
        }));
    }

    private static List<Integer> intList(JsonArray array) {
        List<Integer> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            list.add(array.getInteger(i));
        }
        return list;
    }
}
