package app.quizroom.store;

import app.quizroom.game.GameRecorder;
import app.quizroom.protocol.ServerMessage;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where game results are kept: what the server, the report routes and the rooms' recorders need of it. Two
 * implementations keep the same promises: {@link SqliteStore} (an embedded file, the default) and
 * {@link PostgresStore} (a shared database, for a school's server). An answer is acknowledged as saved only once
 * its transaction has committed; writes are grouped into few commits; while the database cannot be written the
 * game goes on, writes wait in a bounded queue and are retried in order, and what does not fit is counted; games
 * left running by a crash are marked interrupted when the store starts again.
 */
public interface ResultStore extends AutoCloseable {

    /** Opens the database (migrating it, marking games left running by a crash as interrupted) and starts writing. */
    void start();

    /** Which store this is and where, for the start-up log (no password). */
    String describe();

    boolean healthy();

    String lastError();

    int pending();

    /** Called with false when writes start failing and true when they succeed again (on the writer thread). */
    void onHealthChange(Consumer<Boolean> listener);

    /** Records a new game and returns the recorder its room writes through. */
    GameRecorder newGame(String pin, String bankId, String bankTitle, ServerMessage.GameSettings settings,
                         String hostKey, int questionCount, String teamMode, long shuffleSeed);

    /**
     * The recorder of a game this node takes over from a node that stopped (cluster mode): the takeover is recorded
     * on the game with its cause ({@code reconnect}, {@code successor} or {@code planned}, docs/cluster.md §7), and the
     * game is this node's from now on.
     */
    GameRecorder resumeGame(long gameId, String cause);

    /**
     * A recorder for a game another node runs, in a database this node shares with it (cluster mode): this node
     * writes through it only the answers of the players it serves for that game.
     */
    GameRecorder gameOf(long gameId);

    /**
     * Completes once every write queued before this call is committed (true), or at once with false while the
     * database is failing. Reports wait on it, so a teacher always reads what the game has already said.
     */
    CompletableFuture<Boolean> flushed();

    /** The teacher's reports, read from this store's database. */
    Reports reports();

    /** Stops taking writes, writes what is queued (waiting at most {@code graceMs}), and closes the database. */
    boolean close(long graceMs);

    @Override
    default void close() {
        close(5_000);
    }
}
