package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.game.GameOptions;
import io.vertx.core.Future;

/** Opens the games that {@code POST /api/games} asks for; the server's composition root owns rooms and results. */
@FunctionalInterface
public interface GameOpener {

    /**
     * Opens a game, or says why not.
     *
     * @param creator the address asking, whose live rooms are capped (QUIZROOM_ROOMS_PER_ADDRESS); null when the
     *                request is not counted (the server's own machine)
     * @param joinAt  where the game's join link and QR code send phones
     */
    Outcome open(Bank bank, GameOptions options, String creator, Addresses.JoinAddress joinAt);

    /**
     * Opens a game where that takes a step across the cluster (claiming its PIN); alone, {@link #open} at once.
     * Fails when the cluster could not be asked.
     */
    default Future<Outcome> openAsync(Bank bank, GameOptions options, String creator,
                                      Addresses.JoinAddress joinAt) {
        return Future.succeededFuture(open(bank, options, creator, joinAt));
    }

    /** A game opened, or a refusal. */
    sealed interface Outcome permits Opened, Refused {
    }

    /**
     * A new game: its PIN, its host's secret token (which also opens its report), and its report's id.
     */
    record Opened(String pin, String hostToken, long gameId) implements Outcome {
    }

    /** Why no game was opened. */
    enum Refused implements Outcome {
        /** The server runs QUIZROOM_MAX_ROOMS rooms. */
        SERVER_FULL,
        /** This address already created QUIZROOM_ROOMS_PER_ADDRESS rooms that are still live. */
        ADDRESS_FULL
    }
}
