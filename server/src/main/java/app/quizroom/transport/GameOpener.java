package app.quizroom.transport;

import app.quizroom.bank.Bank;
import app.quizroom.game.GameOptions;

/** Opens the games that {@code POST /api/games} asks for; the server's composition root owns rooms and results. */
@FunctionalInterface
public interface GameOpener {

    /** The game just opened, or null when the server runs as many rooms as it may. */
    Opened open(Bank bank, GameOptions options);

    /**
     * A new game: its PIN, its host's secret token (which also opens its report), and its report's id.
     */
    record Opened(String pin, String hostToken, long gameId) {
    }
}
