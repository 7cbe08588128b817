package app.quizroom.cluster;

import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.store.PostgresStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * This node as the owner of rooms whose players other nodes serve (docs/cluster.md §5): it takes what those edge
 * nodes send on this node's owner address and hands it to the room's {@link RoomEdges}, on the room's context. A
 * message for a room this node does not hold is answered with {@code gone}, or with {@code away} when the room is on
 * the move here: this node is handing it, or has handed it, to another node (§8), is taking it over and has not
 * yet built it again, or gave it up to a node that took it over (§7). The edge then closes its connections to the
 * room with 4004, so that they reconnect and reach the room's owner, instead of telling them the room is gone.
 */
public final class OwnerRelay {

    private final LocalNode local;
    private final RoomRegistry rooms;
    private final RoomEdges.StoredAnswers stored;
    /** Whether the room of a PIN is on the move here (docs/cluster.md §7, §8): see the constructor. */
    private final Predicate<String> handedAway;
    /** Each room's edges, by PIN, created at the first message from an edge. */
    private final Map<String, RoomEdges> edges = new ConcurrentHashMap<>();

    /**
     * @param store      the database shared with the edges, where a dead edge's acknowledged answers are read back
     * @param handedAway whether the room of a PIN is on the move here: handed, or being handed, to another node, or
     *                   being taken over by this one and not yet built, or given up to a node that took it over
     */
    public OwnerRelay(LocalNode local, RoomRegistry rooms, PostgresStore store, Predicate<String> handedAway) {
        this.local = local;
        this.rooms = rooms;
        this.stored = store::answersTo;
        this.handedAway = handedAway;
    }

    /** Starts taking edges' messages; completes once the address is registered across the cluster. */
    public Future<Void> start() {
        return local.vertx().eventBus().<JsonObject>consumer(EdgeBus.ownerAddress(local.self().name()), message -> {
            JsonObject body = message.body();
            String pin = body.getString(EdgeBus.PIN);
            Room room = pin == null ? null : rooms.get(pin);
            if (room == null) {
                notHere(pin, body);
                return;
            }
            room.execute(() -> {
                if (rooms.get(pin) != room) {
                    notHere(pin, body); // the room stopped meanwhile (handed over, moved away or removed)
                    return;
                }
                edgesOf(room).receive(body);
            });
        }).completion();
    }

    /** The edge asks for a room this node does not hold (any more). */
    private void notHere(String pin, JsonObject body) {
        // A room on the move is not gone: the edge's phones reconnect and find its owner.
        EdgeBus.Down answer = pin != null && (handedAway.test(pin) || rooms.get(pin) != null) ? EdgeBus.Down.AWAY
                : EdgeBus.Down.GONE;
        local.send(EdgeBus.edgeAddress(body.getString(EdgeBus.FROM)),
                EdgeBus.message(pin, local.self(), new JsonArray().add(EdgeBus.op(answer))));
    }

    /** On the room's context: the room's edges, relayed to from now on. */
    private RoomEdges edgesOf(Room room) {
        RoomEdges current = edges.get(room.pin());
        if (current != null && current.room() == room) {
            return current;
        }
        RoomEdges created = new RoomEdges(room, local, stored);
        edges.put(room.pin(), created);
        room.relayTo(created);
        return created;
    }

    /** The room under this PIN was removed. */
    public void forget(String pin) {
        edges.remove(pin);
    }

    /** A cluster member left (from any thread): the rooms it served as an edge let its connections go. */
    public void memberLeft(String nodeId) {
        edges.values().forEach(e -> e.room().execute(() -> e.memberLeft(nodeId)));
    }
}
