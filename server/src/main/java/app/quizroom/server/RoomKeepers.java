package app.quizroom.server;

import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.game.RoomWatch;
import app.quizroom.metrics.ClusterMetrics;
import app.quizroom.store.PgLiveRooms;
import app.quizroom.store.RoomStates;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cluster mode on PostgreSQL: each room's state saved for a node that may have to take it over, and the epoch
 * fence kept (docs/cluster.md §7). A room's state is written at every change of phase (at once) and of seats or
 * teams (within {@value #BATCH_MS} ms, batched), one write in flight a room, the newest state next; every write
 * names the room's epoch. A write refused because the epoch moved on, or the check of all this node's epochs every
 * {@value #FENCE_CHECK_MS} ms (one statement, which also marks the rows as touched by their live holder, so that a
 * successor can tell a silent owner from a live one: {@link Successors}), tells the node that another took the room
 * over: the room closes its connections so that they reconnect, and is dropped here without being recorded as ended.
 */
final class RoomKeepers {

    private static final System.Logger LOG = System.getLogger("quizroom.cluster");
    static final long BATCH_MS = 1_000;
    static final long FENCE_CHECK_MS = 2_000;

    private final Vertx vertx;
    private final String node;
    private final PgLiveRooms live;
    private final RoomRegistry rooms;
    private final OpenRooms opened;
    private final ClusterMetrics metrics;
    private final Map<String, Keeper> keepers = new ConcurrentHashMap<>();
    /** The PINs of the rooms this node gave up because another node took them over (their epoch moved on). */
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();

    /** @param node this node's name: the check of its epochs also shows its rooms' rows that it is alive */
    RoomKeepers(Vertx vertx, PgLiveRooms live, RoomRegistry rooms, OpenRooms opened, ClusterMetrics metrics,
                String node) {
        this.vertx = vertx;
        this.node = node;
        this.live = live;
        this.rooms = rooms;
        this.opened = opened;
        this.metrics = metrics;
        vertx.setPeriodic(FENCE_CHECK_MS, id -> checkFences());
    }

    /** Starts keeping a room this node holds at {@code epoch} (1 for a room it created). */
    /** Whether this node gave the room of this PIN up to a node that took it over (from any thread). */
    boolean gaveUp(String pin) {
        return givenUp.contains(pin);
    }

    void keep(Room room, long epoch) {
        Keeper keeper = new Keeper(room, epoch);
        keepers.put(room.pin(), keeper);
        room.execute(() -> room.watch(keeper));
    }

    /** The room was removed here (swept, or the node stops): its state is no longer kept. */
    void forget(String pin) {
        keepers.remove(pin);
    }

    /**
     * On the room's context, as a draining node hands the room over (docs/cluster.md §8): writes {@code state}
     * after any write in flight, and keeps the room no more. Completes with the epoch it was saved at; fails when
     * the room is not kept here or the write was refused or failed.
     */
    Future<Long> lastSave(Room room, String state) {
        Keeper keeper = keepers.remove(room.pin());
        if (keeper == null || keeper.gone) {
            return Future.failedFuture("room " + room.pin() + " is not kept here");
        }
        return keeper.last(state);
    }

    private void checkFences() {
        if (keepers.isEmpty()) {
            return;
        }
        live.beat(List.copyOf(keepers.keySet()), node).onSuccess(epochs -> keepers.values().forEach(keeper -> {
            Long current = epochs.get(keeper.room.pin());
            if (current != null && current != keeper.epoch) {
                keeper.movedAway();
            }
        }));
    }

    /** One room's saving; every field is touched on the room's context only. */
    private final class Keeper implements RoomWatch {
        final Room room;
        final long epoch;
        boolean writing;
        String next;
        boolean batching;
        boolean gone;
        /** The hand-over's last state, once asked for, and its outcome. */
        String lastState;
        Promise<Long> lastSaved;

        Keeper(Room room, long epoch) {
            this.room = room;
            this.epoch = epoch;
        }

        @Override
        public void changed(boolean phase) {
            if (phase) {
                save();
            } else if (!batching) {
                batching = true;
                vertx.setTimer(BATCH_MS, id -> room.execute(() -> {
                    batching = false;
                    save();
                }));
            }
        }

        private void save() {
            if (gone) {
                return;
            }
            String state = RoomStates.encode(room.snapshot(), System.currentTimeMillis());
            if (writing) {
                next = state;
            } else {
                write(state);
            }
        }

        private void write(String state) {
            writing = true;
            live.saveState(room.pin(), epoch, state).onComplete(saved -> room.execute(() -> {
                writing = false;
                if (saved.failed()) {
                    LOG.log(System.Logger.Level.WARNING, "room " + room.pin() + ": state not saved ("
                            + saved.cause().getMessage() + ")");
                } else if (!saved.result()) {
                    if (lastSaved != null) {
                        lastSaved.tryFail("epoch " + epoch + " is stale");
                    }
                    refused();
                    return;
                }
                String pending = next;
                next = null;
                if (pending != null && !gone) {
                    write(pending);
                } else if (lastSaved != null) {
                    writeLast();
                }
            }));
        }

        Future<Long> last(String state) {
            gone = true;
            lastState = state;
            lastSaved = Promise.promise();
            if (!writing) {
                writeLast();
            }
            return lastSaved.future();
        }

        private void writeLast() {
            live.saveState(room.pin(), epoch, lastState).onComplete(saved -> {
                if (saved.succeeded() && saved.result()) {
                    lastSaved.tryComplete(epoch);
                } else {
                    lastSaved.tryFail(saved.failed() ? saved.cause().getMessage() : "epoch " + epoch + " is stale");
                }
            });
        }

        /** The write changed nothing: another node holds a newer epoch, or the room has no row (kept anyway). */
        private void refused() {
            live.epochs(List.of(room.pin())).onSuccess(epochs -> {
                Long current = epochs.get(room.pin());
                if (current != null && current != epoch) {
                    movedAway();
                }
            });
        }

        void movedAway() {
            room.execute(() -> {
                if (gone) {
                    return;
                }
                gone = true;
                givenUp.add(room.pin());
                LOG.log(System.Logger.Level.WARNING, "room " + room.pin() + " was taken over by another node (epoch "
                        + epoch + " is stale); its connections are closed so that they reconnect");
                room.movedAway();
                rooms.remove(room);
                keepers.remove(room.pin(), this);
                opened.removed(room);
                metrics.roomMoved();
            });
        }
    }
}
