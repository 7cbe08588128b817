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
 * Takes over a room whose owner has left the cluster (docs/cluster.md §7), when the host or a player reconnects to
 * this node: the room's row in PostgreSQL names an owner that is no longer a member (the PIN map is not asked:
 * Hazelcast may have lost the entry with the member that held it); the row is claimed by raising its epoch in one
 * conditional update (of two nodes trying at once exactly one wins); the PIN map is pointed here; the room is built again from its saved state and the answers stored for the game, and goes on
 * (a question past its deadline closes, an open one gets the time it had left). The takeover is recorded on the
 * game. Reconnections that arrive while a takeover of their PIN runs wait for the same one.
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

    @Override
    public Future<Room> takeOver(String pin) {
        Promise<Room> mine = Promise.promise();
        Future<Room> already = running.putIfAbsent(pin, mine.future());
        if (already != null) {
            return already;
        }
        attempt(pin).onComplete(result -> {
            running.remove(pin, mine.future());
            mine.handle(result);
        });
        return mine.future();
    }

    private Future<Room> attempt(String pin) {
        Room here = rooms.get(pin);
        if (here != null) {
            return Future.succeededFuture(here); // taken over by a reconnection just before this one
        }
        PinDirectory pins = directory.get();
        if (pins == null) {
            return Future.succeededFuture(null);
        }
        // The database's row names the owner: the PIN map may have lost the entry with the member that held it.
        return live.live(pin).compose(row -> claim(pins, row));
    }

    private Future<Room> claim(PinDirectory pins, PgLiveRooms.LiveRoom row) {
        if (row == null || row.stateJson() == null || row.gameId() == null || row.node().equals(cluster.name())
                || cluster.isMember(row.node())) {
            return Future.succeededFuture(null); // no room, or its owner is alive (served as an edge, §4)
        }
        return live.takeOver(row.pin(), row.epoch(), cluster.name()).compose(epoch -> {
            if (epoch == null) {
                return Future.failedFuture(new Moved(row.pin()));
            }
            LOG.log(System.Logger.Level.INFO, "taking over room " + row.pin() + " (game " + row.gameId()
                    + ") from node " + row.node() + ", which left the cluster; epoch " + epoch);
            return pins.moveHere(row.pin())
                    .compose(ignored -> live.answers(row.gameId()))
                    .compose(answers -> restore(row, epoch, answers))
                    .onFailure(e -> LOG.log(System.Logger.Level.ERROR, "room " + row.pin()
                            + " could not be restored after its takeover: " + e.getMessage(), e));
        });
    }

    private Future<Room> restore(PgLiveRooms.LiveRoom row, long epoch, List<RoomSnapshot.StoredAnswer> answers) {
        RoomStates.Saved saved = RoomStates.decode(row.stateJson());
        RoomSnapshot state = saved.room();
        Bank bank = library.current().bank(state.bankId()).orElse(null);
        if (bank == null) {
            return Future.failedFuture("bank " + state.bankId() + " is not in this node's library");
        }
        long elapsedMs = Math.max(0, System.currentTimeMillis() - saved.savedAt());
        Room.Environment env = environments.get();
        Addresses.JoinAddress joinAt = addresses.joinAddresses().get(0);
        SeatWatch recorder = new SeatWatch(store.resumeGame(row.gameId()));
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
            metrics.tookOver();
            return Future.succeededFuture(room);
        });
    }
}
