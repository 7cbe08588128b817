package app.quizroom.store;

import app.quizroom.game.GameRecorder;
import app.quizroom.protocol.ServerMessage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What both stores share: their writes go through a {@link WriteQueue}, which says whether the database is being
 * written, what failed last, what waits and when everything queued is committed; and a new game's recorder is
 * {@link SqlRecorder}'s, under an id the store draws. The stores differ in the database behind the queue and in how
 * they draw ids.
 */
abstract class QueuedStore implements ResultStore {

    // Set once by the store's constructor, not passed to this one: SQLite's writer opens the file through the store.
    private WriteQueue queue;
    private SqlRecorder recorder;
    private final AtomicLong lastMillis = new AtomicLong();

    /** Called once, by the store's constructor: its writes go through {@code queue}, its games recorded as {@code node}'s. */
    final void writeThrough(WriteQueue queue, String node) {
        this.queue = queue;
        this.recorder = new SqlRecorder(queue, node);
    }

    /** The queue the store's writes go through. */
    final WriteQueue queue() {
        return queue;
    }

    /** The statements of the schema, written through {@link #queue()}. */
    final SqlRecorder recorder() {
        return recorder;
    }

    /** A new game's id, unique in this database. */
    abstract long nextGameId();

    /** The clock's milliseconds, or one more than the last drawn while the clock has not passed it: ever higher. */
    final long nextMillis() {
        return lastMillis.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }

    /** From now on, draws above {@code millis} (the highest the database already holds). */
    final void drawAbove(long millis) {
        lastMillis.accumulateAndGet(millis, Math::max);
    }

    @Override
    public boolean close(long graceMs) {
        return queue.close(graceMs);
    }

    @Override
    public boolean healthy() {
        return queue().healthy();
    }

    @Override
    public String lastError() {
        return queue().lastError();
    }

    @Override
    public int pending() {
        return queue().pending();
    }

    /** Called with false when writes start failing and true when they succeed again (on the writer thread). */
    @Override
    public void onHealthChange(Consumer<Boolean> listener) {
        queue().onHealthChange(listener);
    }

    /**
     * Completes once every write queued before this call is committed (true), or at once with false while the
     * database is failing. Reports wait on it, so a teacher always reads what the game has already said.
     */
    @Override
    public CompletableFuture<Boolean> flushed() {
        return queue().flushed();
    }

    @Override
    public GameRecorder resumeGame(long gameId, String cause) {
        return recorder().resumeGame(gameId, System.currentTimeMillis(), cause);
    }

    @Override
    public GameRecorder gameOf(long gameId) {
        return recorder().gameOf(gameId);
    }

    /** Records a new game and returns the recorder its room writes through. */
    @Override
    public GameRecorder newGame(String pin, String bankId, String bankTitle, ServerMessage.GameSettings settings,
                                String hostKey, int questionCount, String teamMode, long shuffleSeed) {
        // Only the key's hash is kept: the database alone opens no report.
        return recorder().newGame(nextGameId(), pin, bankId, bankTitle, settings, Reports.hashKey(hostKey),
                questionCount, teamMode, shuffleSeed);
    }
}
