package app.quizroom.store;

import app.quizroom.config.DatabaseSettings;
import app.quizroom.game.GameRecorder;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Game results in PostgreSQL (when {@code QUIZROOM_DATABASE_URL} is set), with the promises of the SQLite store:
 * the same {@link WriteQueue} (batches committed together, an answer acknowledged once committed, ordered retries
 * from a bounded queue while the database is unreachable, lost writes counted), the same statements
 * ({@link SqlRecorder}) and the same reports ({@link ReportQueries}). The batches' transactions are
 * {@link PgBatchWriter}'s; the schema is {@link PgSchema}'s.
 *
 * <p>The store has a Vert.x of its own, one event loop, for its connections: the writer thread blocks on their
 * answers, and a room loop busy with a thousand phones never delays a commit (nor the other way round).
 */
public final class PostgresStore implements ResultStore {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final DatabaseSettings settings;
    private final Vertx vertx;
    private final Pool pool;
    private final PgBatchWriter batches;
    private final WriteQueue queue;
    private final SqlRecorder recorder;
    private final AtomicLong lastGameId = new AtomicLong();
    // Touched only where a connection is prepared: by start()'s caller, then by the writer thread it starts.
    private boolean recovered;

    /** @param capacity the most writes that may wait while the database is failing; more are counted as lost */
    public PostgresStore(DatabaseSettings settings, int capacity) {
        this.settings = settings;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.pool = Pg.pool(vertx, settings);
        this.batches = new PgBatchWriter(pool, this::prepare, timeoutMs(), SqlRecorder.ADD_UNSAVED);
        this.queue = new WriteQueue(capacity, batches);
        this.recorder = new SqlRecorder(queue);
    }

    @Override
    public void start() {
        queue.start();
    }

    @Override
    public String describe() {
        return "PostgreSQL " + settings.url();
    }

    @Override
    public boolean healthy() {
        return queue.healthy();
    }

    @Override
    public String lastError() {
        return queue.lastError();
    }

    @Override
    public int pending() {
        return queue.pending();
    }

    @Override
    public void onHealthChange(Consumer<Boolean> listener) {
        queue.onHealthChange(listener);
    }

    @Override
    public GameRecorder newGame(String pin, String bankId, String bankTitle, ServerMessage.GameSettings settings,
                                String hostKey, int questionCount, String teamMode, long shuffleSeed) {
        long id = lastGameId.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        return recorder.newGame(id, pin, bankId, bankTitle, settings, Reports.hashKey(hostKey), questionCount,
                teamMode, shuffleSeed);
    }

    @Override
    public CompletableFuture<Boolean> flushed() {
        return queue.flushed();
    }

    @Override
    public Reports reports() {
        return new Reports(new PgReportSource(pool, timeoutMs()));
    }

    /** Transactions the writer has committed (for tests and benchmarks: far fewer than the writes). */
    public long commits() {
        return batches.commits();
    }

    @Override
    public boolean close(long graceMs) {
        boolean empty = queue.close(graceMs);
        try {
            pool.close().toCompletionStage().toCompletableFuture().get(graceMs + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        vertx.close();
        return empty;
    }

    /** Every new connection of the writer: the schema migrated; the first time, recovery from the last run. */
    private void prepare(SqlConnection connection) throws SQLException {
        PgSchema.migrate(connection, timeoutMs());
        if (recovered) {
            return;
        }
        int interrupted = Pg.await(connection.query(SqlRecorder.MARK_INTERRUPTED).execute(), timeoutMs()).rowCount();
        if (interrupted > 0) {
            LOG.log(System.Logger.Level.INFO,
                    interrupted + " game(s) left unfinished by the last run are marked interrupted");
        }
        RowSet<Row> last = Pg.await(connection.query(SqlRecorder.LAST_GAME_ID).execute(), timeoutMs());
        Long max = last.iterator().next().getLong(0);
        lastGameId.accumulateAndGet(max == null ? 0 : max, Math::max);
        recovered = true;
    }

    private long timeoutMs() {
        return settings.statementTimeoutMs() + 2_000L;
    }
}
