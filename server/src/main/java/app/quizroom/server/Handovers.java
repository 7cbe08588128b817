package app.quizroom.server;

import app.quizroom.cluster.ClusterNode;
import app.quizroom.cluster.Successor;
import app.quizroom.game.Phase;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ClusterMetrics;
import app.quizroom.store.RoomStates;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The planned hand-over of a draining node's rooms (docs/cluster.md §8), through the takeover path of §7. For each
 * room, on its context and in one task: its state is taken and the room stops (its connections closed with 4004
 * so that they reconnect, no timer, nothing more recorded, not ended), so that no answer is acknowledged here after
 * the state the successor restores from; the state is written at the room's epoch; the room's {@link Successor}
 * among the other members is asked over the bus to take it over, and raises the epoch. Reconnections reaching this
 * node meanwhile wait for that, then are served as edges of the new owner. A room whose hand-over fails keeps its
 * saved state on a row naming this node, and its successor takes it over when this node leaves the cluster.
 */
final class Handovers {

    private static final System.Logger LOG = System.getLogger("quizroom.cluster");
    private static final String ADDRESS_PREFIX = ClusterNode.ADDRESS_PREFIX + "handover.";
    private static final String PIN = "pin";
    private static final String FROM = "from";
    /** A takeover reads the room's answers and builds it again: seconds at most, even on a loaded machine. */
    private static final long ASK_TIMEOUT_MS = 20_000;

    private final Vertx vertx;
    private final ClusterNode cluster;
    private final RoomRegistry rooms;
    private final RoomKeepers keepers;
    private final Takeover takeover;
    private final OpenRooms opened;
    private final ClusterMetrics metrics;
    /** The PINs of the rooms this node hands over, or handed over, as it drains. */
    private final Set<String> handedAway = ConcurrentHashMap.newKeySet();

    Handovers(Vertx vertx, ClusterNode cluster, RoomRegistry rooms, RoomKeepers keepers, Takeover takeover,
              OpenRooms opened, ClusterMetrics metrics) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.rooms = rooms;
        this.keepers = keepers;
        this.takeover = takeover;
        this.opened = opened;
        this.metrics = metrics;
    }

    /** Takes the rooms other draining nodes hand to this one; completes once the address is registered. */
    Future<Void> start() {
        return vertx.eventBus().<JsonObject>consumer(ADDRESS_PREFIX + cluster.name(), message -> {
            String pin = message.body().getString(PIN);
            String from = message.body().getString(FROM);
            // A reconnection's takeover of the PIN may be running here and find the owner alive: then ask again.
            takeover.takeOverFrom(pin, from)
                    .compose(room -> room != null ? Future.succeededFuture(room) : takeover.takeOverFrom(pin, from))
                    .onComplete(taken -> {
                        if (taken.succeeded() && taken.result() != null) {
                            message.reply(new JsonObject().put(PIN, pin));
                        } else {
                            message.fail(1, taken.failed() ? taken.cause().getMessage() : "nothing to take over");
                        }
                    });
        }).completion();
    }

    /**
     * Whether the room of this PIN is on the move here (from any thread): this node is handing it over, or has
     * handed it over, or is taking it over and has not yet built it again, or gave it up to a node that took it
     * over (§7). An edge asking for it is then told the room moved, not that it is gone: the PIN map may name this
     * node still, or already.
     */
    boolean moving(String pin) {
        return handedAway.contains(pin) || takeover.busyWith(pin) || keepers.gaveUp(pin);
    }

    /** Whether another member can take this node's rooms. */
    boolean possible() {
        return !others().isEmpty();
    }

    /** Hands every room this node holds (a finished one excepted) to its successor; completes when all are tried. */
    Future<Void> handOverAll() {
        List<Future<Void>> tried = new ArrayList<>();
        for (Room room : rooms.all()) {
            tried.add(handOver(room).otherwiseEmpty());
        }
        return Future.join(tried).mapEmpty();
    }

    private Future<Void> handOver(Room room) {
        String pin = room.pin();
        String successor = Successor.of(pin, others());
        if (successor == null) {
            return Future.failedFuture("no other member");
        }
        Promise<Void> handed = Promise.promise();
        handedAway.add(pin);
        takeover.handingOver(pin, handed.future());
        Promise<Long> saved = Promise.promise();
        room.execute(() -> {
            if (room.phase() == Phase.FINISHED) {
                saved.fail("finished");
                return;
            }
            String state = RoomStates.encode(room.snapshot(), System.currentTimeMillis());
            room.movedAway();
            rooms.remove(room);
            keepers.lastSave(room, state).onComplete(saved);
        });
        saved.future()
                .compose(epoch -> vertx.eventBus().<JsonObject>request(ADDRESS_PREFIX + successor,
                        new JsonObject().put(PIN, pin).put(FROM, cluster.name()),
                        new DeliveryOptions().setSendTimeout(ASK_TIMEOUT_MS)))
                .onSuccess(reply -> {
                    LOG.log(System.Logger.Level.INFO, "room " + pin + " handed over to node " + successor);
                    opened.removed(room); // its PIN is the successor's now: giving it back changes nothing
                    metrics.roomMoved();
                    handed.complete();
                })
                .onFailure(e -> {
                    if ("finished".equals(e.getMessage())) {
                        handedAway.remove(pin); // not handed over: the room stays here to the end
                    } else {
                        LOG.log(System.Logger.Level.WARNING, "room " + pin + " was not handed over to node "
                                + successor + " (" + e.getMessage() + "); its successor takes it over once this"
                                + " node has left");
                    }
                    handed.fail(e);
                });
        return handed.future();
    }

    private List<String> others() {
        return cluster.memberNames().stream().filter(m -> !m.equals(cluster.name())).toList();
    }
}
