package app.quizroom.server;

import app.quizroom.bank.Bank;
import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.support.Tokens;
import app.quizroom.store.ResultStore;
import app.quizroom.transport.Addresses;
import app.quizroom.transport.GameOpener;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Opens a game: a room on one of the room loops, and its record in the results store; no more than
 * QUIZROOM_ROOMS_PER_ADDRESS live rooms for one creating address.
 */
final class GameLauncher implements GameOpener {

    private final RoomRegistry rooms;
    private final OpenRooms opened;
    private final int roomsPerAddress;
    private final ResultStore store;
    private final Addresses addresses;
    private final LongSupplier seeds;
    private final Supplier<Room.Environment> environments;

    /**
     * @param seeds        where each new game's seed comes from
     * @param environments a room's surroundings, each on the next room loop
     */
    GameLauncher(RoomRegistry rooms, OpenRooms opened, int roomsPerAddress, ResultStore store, Addresses addresses,
                 LongSupplier seeds, Supplier<Room.Environment> environments) {
        this.rooms = rooms;
        this.opened = opened;
        this.roomsPerAddress = roomsPerAddress;
        this.store = store;
        this.addresses = addresses;
        this.seeds = seeds;
        this.environments = environments;
    }

    /** Synchronized so that two requests from one address cannot both take its last room. */
    @Override
    public synchronized Outcome open(Bank bank, GameOptions options, String creator, Addresses.JoinAddress joinAt) {
        if (creator != null && opened.createdBy(creator) >= roomsPerAddress) {
            return Refused.ADDRESS_FULL;
        }
        String hostToken = Tokens.newToken();
        long[] gameId = new long[1];
        SeatWatch[] seats = new SeatWatch[1];
        // Kept with the game, so what each player saw can be replayed from it.
        long seed = seeds.getAsLong();
        Room room = rooms.create(pin -> {
            GameRecorder recorder = store.newGame(pin, bank.id(), bank.title(), Room.settingsOf(options), hostToken,
                    bank.questions().size(), teamPlacement(options), seed);
            gameId[0] = recorder.gameId();
            seats[0] = new SeatWatch(recorder);
            return new Room(pin, hostToken, bank, options, environments.get(), joinAt.joinUrl(pin),
                    addresses.qrPath(pin, joinAt), seats[0], seed);
        });
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
