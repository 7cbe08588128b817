package app.quizroom.server;

import app.quizroom.bank.Bank;
import app.quizroom.cluster.DurablePins;
import app.quizroom.cluster.PinDirectory;
import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.support.Tokens;
import app.quizroom.store.ResultStore;
import app.quizroom.transport.Addresses;
import app.quizroom.transport.GameOpener;
import io.vertx.core.Future;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Opens a game: a room on one of the room loops, and its record in the results store; no more than
 * QUIZROOM_ROOMS_PER_ADDRESS live rooms for one creating address. A cluster node first claims the room's PIN
 * cluster-wide ({@link PinDirectory}); a draining node opens none. It holds no state of its own, so it is a record
 * of what it uses.
 *
 * @param seeds        where each new game's seed comes from
 * @param environments a room's surroundings, each on the next room loop
 * @param pins         where a cluster node draws PINs to claim
 * @param directory    the cluster's PIN directory; null when the server runs alone
 * @param durablePins  the database's guard behind the directory ({@link DurablePins#NONE} until PostgreSQL)
 * @param draining     true once the server drains: it opens no new rooms
 * @param claimed      told each room opened under a PIN claimed cluster-wide (its state is then kept)
 */
record GameLauncher(RoomRegistry rooms, OpenRooms opened, int roomsPerAddress, ResultStore store, Addresses addresses,
                    LongSupplier seeds, Supplier<Room.Environment> environments, Supplier<String> pins,
                    PinDirectory directory, DurablePins durablePins, BooleanSupplier draining,
                    Consumer<Room> claimed) implements GameOpener {

    private static final System.Logger LOG = System.getLogger("quizroom.cluster");

    /** PINs a cluster node draws before it gives up (each lost draw is a PIN another node holds). */
    private static final int MAX_PIN_DRAWS = 100;

    @Override
    public Outcome open(Bank bank, GameOptions options, String creator, Addresses.JoinAddress joinAt) {
        return openAt(null, bank, options, creator, joinAt);
    }

    @Override
    public Future<Outcome> openAsync(Bank bank, GameOptions options, String creator, Addresses.JoinAddress joinAt) {
        if (directory == null) {
            return Future.succeededFuture(open(bank, options, creator, joinAt));
        }
        Outcome refused = refusal(creator);
        if (refused != null) {
            return Future.succeededFuture(refused);
        }
        return claimPin(MAX_PIN_DRAWS).map(pin -> {
            Outcome outcome = openAt(pin, bank, options, creator, joinAt);
            if (outcome instanceof Opened opened) {
                durablePins.attach(pin, directory.node(), opened.gameId());
                Room room = rooms.get(pin);
                if (room != null) {
                    claimed.accept(room);
                }
            } else {
                directory.release(pin);
                durablePins.release(pin, directory.node());
            }
            return outcome;
        });
    }

    /** Draws PINs until one is free here and this node wins it cluster-wide. */
    private Future<String> claimPin(int drawsLeft) {
        if (drawsLeft == 0) {
            return Future.failedFuture("no free PIN found in " + MAX_PIN_DRAWS + " draws");
        }
        String pin = pins.get();
        if (rooms.get(pin) != null) {
            return claimPin(drawsLeft - 1);
        }
        return directory.claim(pin)
                .compose(won -> won ? reserveDurably(pin).compose(kept -> {
                    if (kept) {
                        return Future.succeededFuture(pin);
                    }
                    directory.release(pin);
                    return claimPin(drawsLeft - 1);
                }) : claimPin(drawsLeft - 1));
    }

    /**
     * The database's word on a PIN the directory gave this node. While the database cannot be reached the directory
     * decides alone, as the game itself goes on with its writes queued.
     */
    private Future<Boolean> reserveDurably(String pin) {
        return durablePins.reserve(pin, directory.node()).otherwise(failure -> {
            LOG.log(System.Logger.Level.WARNING, "PIN " + pin + " not reserved in the database ("
                    + failure.getMessage() + "); the cluster map alone holds it");
            return true;
        });
    }

    private Outcome refusal(String creator) {
        if (draining.getAsBoolean()) {
            return Refused.SERVER_FULL;
        }
        if (creator != null && opened.createdBy(creator) >= roomsPerAddress) {
            return Refused.ADDRESS_FULL;
        }
        return null;
    }

    /**
     * Synchronized so that two requests from one address cannot both take its last room.
     *
     * @param pin the room's PIN, claimed cluster-wide; null to draw one here
     */
    private synchronized Outcome openAt(String pin, Bank bank, GameOptions options, String creator,
                                        Addresses.JoinAddress joinAt) {
        Outcome refused = refusal(creator);
        if (refused != null) {
            return refused;
        }
        String hostToken = Tokens.newToken();
        long[] gameId = new long[1];
        SeatWatch[] seats = new SeatWatch[1];
        // Kept with the game, so what each player saw can be replayed from it.
        long seed = seeds.getAsLong();
        Function<String, Room> factory = roomPin -> {
            GameRecorder recorder = store.newGame(roomPin, bank.id(), bank.title(), Room.settingsOf(options), hostToken,
                    bank.questions().size(), teamPlacement(options), seed);
            gameId[0] = recorder.gameId();
            seats[0] = new SeatWatch(recorder);
            return new Room(roomPin, hostToken, bank, options, environments.get(), joinAt.joinUrl(roomPin),
                    addresses.qrPath(roomPin, joinAt), seats[0], seed);
        };
        Room room = pin == null ? rooms.create(factory) : rooms.createAt(pin, factory);
        if (room == null) {
            return Refused.SERVER_FULL;
        }
        opened.opened(room, creator, seats[0]);
        return new Opened(room.pin(), hostToken, gameId[0]);
    }

    /** How players get their team, as the store records it; null for an individual game. */
    private static String teamPlacement(GameOptions options) {
        if (options.teams() == null) {
            return null;
        }
        return options.teams().playersPick() ? "players-pick" : "auto";
    }
}
