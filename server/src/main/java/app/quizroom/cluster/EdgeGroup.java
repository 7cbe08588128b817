package app.quizroom.cluster;

import app.quizroom.game.Room;
import app.quizroom.game.SharedFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One edge node's connections to one room of this node, as the room's owner keeps them: a {@link RemoteLink} for
 * each, and what the room sends them, gathered while the room's task runs and sent to that node as one bus message
 * once it is over (a task of its own, queued behind the room's current one). So a question, its results for every
 * player, or a podium cost one message per edge node, however many players it serves.
 */
final class EdgeGroup {

    private final String pin;
    /** The edge node (its id, to notice it leaving). */
    final Member edge;
    private final Room room;
    private final LocalNode local;
    private final Map<Long, RemoteLink> links = new HashMap<>();
    private JsonArray ops = new JsonArray();
    /** The last shared frame added and the connections it goes to, so that a broadcast travels once. */
    private SharedFrame lastShared;
    private JsonArray lastSharedConns;
    private boolean flushQueued;

    EdgeGroup(Member edge, Room room, LocalNode local) {
        this.pin = room.pin();
        this.edge = edge;
        this.room = room;
        this.local = local;
    }

    RemoteLink link(long conn, String address) {
        return links.computeIfAbsent(conn, c -> new RemoteLink(this, c, address));
    }

    RemoteLink remove(long conn) {
        return links.remove(conn);
    }

    Collection<RemoteLink> links() {
        return new ArrayList<>(links.values());
    }

    boolean servesPlayers() {
        return links.values().stream().anyMatch(RemoteLink::isPlayer);
    }

    synchronized void frame(String json, long conn) {
        lastShared = null;
        add(EdgeBus.op(EdgeBus.Down.FRAME).put(EdgeBus.JSON, json).put(EdgeBus.CONNS, new JsonArray().add(conn)));
    }

    synchronized void shared(SharedFrame frame, long conn) {
        if (frame == lastShared) {
            lastSharedConns.add(conn);
            return;
        }
        lastShared = frame;
        lastSharedConns = new JsonArray().add(conn);
        add(EdgeBus.op(EdgeBus.Down.FRAME).put(EdgeBus.JSON, frame.json()).put(EdgeBus.CONNS, lastSharedConns));
    }

    synchronized void op(JsonObject op) {
        lastShared = null;
        add(op);
    }

    private void add(JsonObject op) {
        ops.add(op);
        if (!flushQueued) {
            flushQueued = true;
            room.execute(this::flush);
        }
    }

    private synchronized void flush() {
        flushQueued = false;
        lastShared = null;
        if (ops.isEmpty()) {
            return;
        }
        JsonArray sending = ops;
        ops = new JsonArray();
        local.send(EdgeBus.edgeAddress(edge.name()), EdgeBus.message(pin, local.self(), sending));
    }
}
