package app.quizroom.server;

import app.quizroom.bank.Bank;
import app.quizroom.bank.BankLibrary;
import app.quizroom.cluster.ClusterNode;
import app.quizroom.cluster.PinDirectory;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.game.RoomSnapshot;
import app.quizroom.metrics.ClusterMetrics;
import app.quizroom.store.PgLiveRooms;
import app.quizroom.store.ResultStore;
import app.quizroom.store.RoomStates;
import app.quizroom.transport.Addresses;
import app.quizroom.transport.RoomTakeover;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Takes over a room whose owner has left the cluster (docs/cluster.md §7), or that a draining node hands over (§8).
 * Three things start it: the host or a player reconnecting to this node ({@link #takeOver}), this node being the
 * room's successor when its owner leaves ({@link #takeOverOrphan}, from {@link Successors}), or the owner handing
 * it over while it drains ({@link #takeOverFrom}, from {@link Handovers}). Each goes the same way: the room's row in
 * PostgreSQL names an owner that is no longer a member, or the one handing it over (the PIN map is not asked:
 * Hazelcast may have lost the entry with the member that held it); the row is claimed by raising its epoch in one
 * conditional update (of two nodes trying at once exactly one wins); the PIN map is pointed here; the room is built
 * again from its saved state and the answers stored for the game, and goes on (a question past its deadline
 * closes, an open one gets the time it had left). The takeover is recorded on the game and counted by cause.
 * Reconnections that arrive while a takeover of their PIN runs, or while this node hands that room over, wait for it.
 */
final class Takeover implements RoomTakeover {

    private static final System.Logger LOG = System.getLogger("quizroom.cluster");

    private final ClusterNode cluster;
    private final Supplier<PinDirectory> directory;
    private final PgLiveRooms live;
    private final ResultStore store;
    private final BankLibrary library;
    private final RoomRegistry rooms;
    private final OpenRooms opened;
    private final RoomKeepers keepers;
    private final Supplier<Room.Environment> environments;
    private final Addresses addresses;
    private final ClusterMetrics metrics;
    private final Map<String, Future<Room>> running = new ConcurrentHashMap<>();

    Takeover(ClusterNode cluster, Supplier<PinDirectory> directory, PgLiveRooms live, ResultStore store,
             BankLibrary library, RoomRegistry rooms, OpenRooms opened, RoomKeepers keepers,
             Supplier<Room.Environment> environments, Addresses addresses, ClusterMetrics metrics) {
        this.cluster = cluster;
        this.directory = directory;
        this.live = live;
        this.store = store;
        this.library = library;
        this.rooms = rooms;
        this.opened = opened;
        this.keepers = keepers;
        this.environments = environments;
        this.addresses = addresses;
        this.metrics = metrics;
    }

    /** What started a takeover: the tag of its count ({@link ClusterMetrics#TAKEOVER_CAUSES}). */
    enum Cause {
        RECONNECT, SUCCESSOR, PLANNED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public Future<Room> takeOver(String pin) {
        return once(pin, () -> attempt(pin, Cause.RECONNECT, null));
    }

    /** This node is the successor of the room's owner, which left the cluster: it takes the room at once. */
    Future<Room> takeOverOrphan(String pin) {
        return once(pin, () -> attempt(pin, Cause.SUCCESSOR, null));
    }

    /** The node {@code from}, draining, saved the room and asks this node to take it over. */
    Future<Room> takeOverFrom(String pin, String from) {
        return once(pin, () -> attempt(pin, Cause.PLANNED, from));
    }

    /**
     * This node is handing the room over ({@code handover} completes once the successor holds it): a reconnection
     * reaching this node meanwhile waits, and is then served as an edge of the new owner; if the hand-over failed,
     * it is closed to reconnect later ({@link RoomTakeover.Moved}).
     */
    void handingOver(String pin, Future<Void> handover) {
        Future<Room> waiting = handover.transform(done -> done.succeeded() ? Future.<Room>succeededFuture(null)
                : Future.<Room>failedFuture(new Moved(pin)));
        running.put(pin, waiting);
        waiting.onComplete(ignored -> running.remove(pin, waiting));
    }

    /** Whether a takeover of the PIN runs here, or this node is handing its room over (from any thread). */
    boolean busyWith(String pin) {
        return running.containsKey(pin);
    }

    private Future<Room> once(String pin, Supplier<Future<Room>> attempt) {
        Promise<Room> mine = Promise.promise();
        Future<Room> already = running.putIfAbsent(pin, mine.future());
        if (already != null) {
            return already;
        }
        attempt.get().onComplete(result -> {
            running.remove(pin, mine.future());
            mine.handle(result);
        });
        return mine.future();
    }

    private Future<Room> attempt(String pin, Cause cause, String from) {
        Room here = rooms.get(pin);
        if (here != null) {
            return Future.succeededFuture(here); // taken over by a reconnection just before this one
        }
        PinDirectory pins = directory.get();
        if (pins == null) {
            return Future.succeededFuture(null);
        }
        // The database's row names the owner: the PIN map may have lost the entry with the member that held it.
        return live.live(pin).compose(row -> claim(pins, row, cause, from));
    }

    private Future<Room> claim(PinDirectory pins, PgLiveRooms.LiveRoom row, Cause cause, String from) {
        if (row == null || row.stateJson() == null || row.gameId() == null || row.node().equals(cluster.name())) {
            return Future.succeededFuture(null); // no room to take, or this node holds it already
        }
        if (from == null ? cluster.isMember(row.node()) : !row.node().equals(from)) {
            return Future.succeededFuture(null); // its owner is alive (served as an edge, §4), or moved it elsewhere
        }
        return live.takeOver(row.pin(), row.epoch(), cluster.name()).compose(epoch -> {
            if (epoch == null) {
                return Future.failedFuture(new Moved(row.pin()));
            }
            LOG.log(System.Logger.Level.INFO, "taking over room " + row.pin() + " (game " + row.gameId()
                    + ") from node " + row.node() + (from == null ? ", which left the cluster" : ", which hands it over")
                    + " (" + cause.tag() + "); epoch " + epoch);
            return pins.moveHere(row.pin())
                    .compose(ignored -> live.answers(row.gameId()))
                    .compose(answers -> restore(row, epoch, answers, cause))
                    .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "room " + row.pin()
                            + " could not be restored after its takeover: " + e.getMessage(), e));
        });
    }

    private Future<Room> restore(PgLiveRooms.LiveRoom row, long epoch, List<RoomSnapshot.StoredAnswer> answers,
                                 Cause cause) {
        RoomStates.Saved saved = RoomStates.decode(row.stateJson());
        RoomSnapshot state = saved.room();
        Bank bank = library.current().bank(state.bankId()).orElse(null);
        if (bank == null) {
            return Future.failedFuture("bank " + state.bankId() + " is not in this node's library");
        }
        long elapsedMs = Math.max(0, System.currentTimeMillis() - saved.savedAt());
        Room.Environment env = environments.get();
        Addresses.JoinAddress joinAt = addresses.joinAddresses().get(0);
        SeatWatch recorder = new SeatWatch(store.resumeGame(row.gameId(), cause.tag()));
        Promise<Room> built = Promise.promise();
        // Built on the context it will run on: its timers and state belong there.
        env.executor().execute(() -> {
            try {
                built.complete(Room.restore(state, answers, elapsedMs, bank, env, joinAt.joinUrl(row.pin()),
                        addresses.qrPath(row.pin(), joinAt), recorder));
            } catch (RuntimeException e) {
                built.fail(e);
            }
        });
        return built.future().compose(room -> {
            if (rooms.createAt(row.pin(), pin -> room) != room) {
                return Future.failedFuture("no place for room " + row.pin() + " on this node");
            }
            opened.opened(room, null, recorder);
            keepers.keep(room, epoch);
            metrics.tookOver(cause.tag());
            return Future.succeededFuture(room);
        });
    }
}
