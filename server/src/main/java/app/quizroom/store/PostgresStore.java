package app.quizroom.store;

import app.quizroom.config.DatabaseSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Game results in PostgreSQL (when {@code QUIZROOM_DATABASE_URL} is set), with the promises of the SQLite store:
 * the same {@link WriteQueue} (batches committed together, an answer acknowledged once committed, ordered retries
 * from a bounded queue while the database is unreachable, lost writes counted), the same statements
 * ({@link SqlRecorder}) and the same reports ({@link ReportQueries}). The batches' transactions are
 * {@link PgBatchWriter}'s; the schema is {@link PgSchema}'s.
 *
 * <p>Several nodes may share the database. Each game row names its node, and a node starting again marks as
 * interrupted only its own games. Game ids carry a slot the store takes from a sequence when it starts
 * ({@code id = milliseconds * 1024 + slot}, below 2<sup>53</sup> so that a browser reads it exactly until the
 * 23rd century): two live stores hold different slots unless 1,024 stores started between them, so two games
 * created in the same millisecond on two nodes never share an id (the game insert, idempotent for retries, would
 * otherwise merge them). The live rooms' PINs and epochs are {@link PgLiveRooms}'.
 *
 * <p>The store has a Vert.x of its own, one event loop, for its connections: the writer thread blocks on their
 * answers, and a room loop busy with a thousand phones never delays a commit (nor the other way round).
 */
public final class PostgresStore extends QueuedStore {

    private static final System.Logger LOG = System.getLogger("quizroom.store");

    private final DatabaseSettings settings;
    private final Vertx vertx;
    private final Pool pool;
    private final PgBatchWriter batches;
    /** Game ids are milliseconds times this plus the store's slot. */
    static final int ID_SLOTS = 1024;

    private final String node;
    private final PgLiveRooms liveRooms;
    private volatile int slot = -1;
    // Touched only where a connection is prepared: by start()'s caller, then by the writer thread it starts.
    private boolean recovered;

    /** @param capacity the most writes that may wait while the database is failing; more are counted as lost */
    public PostgresStore(DatabaseSettings settings, int capacity) {
        this(settings, capacity, "local");
    }

    /**
     * @param capacity the most writes that may wait while the database is failing; more are counted as lost
     * @param node     this node's name, recorded on its games and its live rooms
     */
    public PostgresStore(DatabaseSettings settings, int capacity, String node) {
        this.settings = settings;
        this.node = node;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.pool = Pg.pool(vertx, settings);
        this.batches = new PgBatchWriter(pool, this::prepare, timeoutMs(), SqlRecorder.ADD_UNSAVED);
        writeThrough(new WriteQueue(capacity, batches), node);
        this.liveRooms = new PgLiveRooms(pool);
    }

    /**
     * Takes the store's id slot (migrating the database first), then starts writing. If the database cannot be
     * reached, the slot is drawn at random, as a store that cannot write has no other node to ask: the game goes on
     * and the log says so.
     */
    @Override
    public void start() {
        try {
            SqlConnection connection = Pg.await(pool.getConnection(), timeoutMs());
            try {
                PgSchema.migrate(connection, timeoutMs());
                RowSet<Row> next = Pg.await(connection.query("SELECT nextval('quizroom_id_slots')").execute(),
                        timeoutMs());
                slot = (int) Math.floorMod(next.iterator().next().getLong(0), (long) ID_SLOTS);
                // The rooms this node held when it last stopped are gone: their PINs are free again.
                Pg.await(connection.preparedQuery(PgLiveRooms.FORGET_NODE).execute(Pg.tuple(node)), timeoutMs());
            } finally {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            slot = new SecureRandom().nextInt(ID_SLOTS);
            LOG.log(System.Logger.Level.WARNING, "cannot take a game id slot from PostgreSQL (" + e.getMessage()
                    + "); drew slot " + slot + " at random");
        }
        queue().start();
    }

    /** The PINs and epochs of the live rooms, in this database (cluster mode). */
    /**
     * The answers stored for one question of a game (cluster mode: those a node that died had taken and acknowledged
     * before it could tell the room). Completes on the store's own Vert.x.
     */
    public Future<List<StoredAnswer>> answersTo(long gameId, int question) {
        return pool.preparedQuery("SELECT player_id, answer_json, response_ms FROM answers"
                        + " WHERE game_id = $1 AND question_idx = $2")
                .execute(Tuple.of(gameId, question))
                .map(rows -> {
                    List<StoredAnswer> answers = new ArrayList<>(rows.size());
                    rows.forEach(r -> answers.add(new StoredAnswer(r.getInteger(0), r.getString(1), r.getLong(2))));
                    return answers;
                });
    }

    public PgLiveRooms liveRooms() {
        return liveRooms;
    }

    @Override
    public String describe() {
        return "PostgreSQL " + settings.url();
    }

    @Override
    long nextGameId() {
        if (slot < 0) {
            throw new IllegalStateException("the store is not started");
        }
        return nextMillis() * ID_SLOTS + slot;
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
        boolean empty = super.close(graceMs);
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
        int interrupted = Pg.await(connection.preparedQuery(Pg.numbered(SqlRecorder.MARK_OWN_INTERRUPTED))
                .execute(Pg.tuple(node)), timeoutMs()).rowCount();
        if (interrupted > 0) {
            LOG.log(System.Logger.Level.INFO,
                    interrupted + " game(s) left unfinished by this node's last run are marked interrupted");
        }
        recovered = true;
    }

    private long timeoutMs() {
        return settings.statementTimeoutMs() + 2_000L;
    }
}
