package app.quizroom.store;

import app.quizroom.store.WriteQueue.Receipt;
import app.quizroom.support.Postgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable write queue on each database: a real SQLite file and a real PostgreSQL (the same queue over each
 * batch writer). The writer thread is held inside a batch of its own where a test needs writes to queue up behind
 * it, and every wait is on a future: no sleeps.
 */
class WriteQueueTest {

    private static final long TIMEOUT_S = 10;

    @TempDir
    Path dir;

    private TestDatabase db;
    private WriteQueue queue;
    private final AtomicBoolean diskDown = new AtomicBoolean();
    private final CompletableFuture<Void> writerHeld = new CompletableFuture<>();
    private final CompletableFuture<Void> writerReleased = new CompletableFuture<>();

    @AfterEach
    void close() {
        writerReleased.complete(null);
        if (queue != null) {
            queue.close(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWriteIsAcknowledgedOnlyOnceItsWholeBatchIsCommitted(Kind kind) throws Exception {
        startHeld(kind);
        Receipt first = queue.submit(1, entry(1));
        // Runs on the writer thread the moment the acknowledgement is given; another connection sees only commits.
        CompletableFuture<List<Integer>> seenAtAcknowledgement = first.acknowledged().thenApply(saved -> entries());
        Receipt second = queue.submit(1, entry(2));
        assertFalse(first.acknowledged().isDone(), "not acknowledged while it waits its turn");

        releaseTheWriter();
        assertTrue(first.acknowledged().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(List.of(1, 2), seenAtAcknowledgement.get(TIMEOUT_S, TimeUnit.SECONDS),
                "acknowledged after the commit of the batch it shares with the second write");
        assertTrue(second.acknowledged().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(second.committed().isDone());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedBatchIsRetriedInOrderAheadOfLaterWritesAndAcknowledgementsSayNotSaved(Kind kind) throws Exception {
        start(kind, 100);
        List<Boolean> health = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> wentDown = new CompletableFuture<>();
        CompletableFuture<Void> cameBack = new CompletableFuture<>();
        queue.onHealthChange(healthy -> {
            health.add(healthy);
            (healthy ? cameBack : wentDown).complete(null);
        });
        holdTheWriter();
        Receipt first = queue.submit(1, entry(1));
        AtomicBoolean failedOnce = new AtomicBoolean();
        Receipt failing = queue.submit(1, c -> {
            entry(2).apply(c);
            if (failedOnce.compareAndSet(false, true)) { // the disk fails in the middle of the batch, and stays down
                diskDown.set(true);
                throw new SQLException("disk I/O error", null, 10);
            }
        });
        Receipt third = queue.submit(1, entry(3));
        releaseTheWriter();

        wentDown.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertFalse(queue.healthy());
        for (Receipt r : List.of(first, failing, third)) {
            assertFalse(r.acknowledged().get(TIMEOUT_S, TimeUnit.SECONDS), "the caller is told: not saved yet");
        }
        Receipt later = queue.submit(1, entry(4));
        assertFalse(later.acknowledged().getNow(true), "while failing, a new write is refused at once");
        assertFalse(queue.flushed().getNow(true), "and a flush does not wait");
        assertEquals(List.of(), entries(), "the failed batch was rolled back");

        diskDown.set(false);
        for (Receipt r : List.of(first, failing, third, later)) {
            r.committed().get(TIMEOUT_S, TimeUnit.SECONDS);
        }
        cameBack.get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(List.of(1, 2, 3, 4), entries(), "each write once, in the order given");
        assertEquals(List.of(false, true), health);
        assertFalse(first.acknowledged().getNow(true), "an acknowledgement once given does not change");
        assertTrue(queue.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writesThatDoNotFitAreRefusedAndCountedOnceTheirOwnersRowIsWritten(Kind kind) throws Exception {
        start(kind, 2);
        holdTheWriter();
        Receipt owner = queue.submit(7, sql -> sql.run("INSERT INTO owners (id) VALUES (7)"));
        Receipt fits = queue.submit(7, entry(1));
        Receipt lost = queue.submit(7, entry(2));
        Receipt alsoLost = queue.submit(7, entry(3));
        assertFalse(lost.acknowledged().getNow(true), "refused at once, not silently");
        assertFalse(alsoLost.acknowledged().getNow(true));
        assertEquals(2, queue.pending());

        releaseTheWriter();
        assertTrue(owner.acknowledged().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(fits.acknowledged().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(List.of(1), entries());
        assertEquals(2, lostCountOf(7), "counted in the commit that wrote the owner's row, not before it existed");
        assertFalse(lost.committed().isDone());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flushingWaitsForEverythingQueuedBeforeIt(Kind kind) throws Exception {
        startHeld(kind);
        Receipt write = queue.submit(1, entry(1));
        CompletableFuture<Boolean> flushed = queue.flushed();
        assertFalse(flushed.isDone());

        releaseTheWriter();
        assertTrue(flushed.get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(write.committed().isDone());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closingWritesWhatIsQueuedAndThenRefusesWrites(Kind kind) throws Exception {
        startHeld(kind);
        List<Receipt> queued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            queued.add(queue.submit(1, entry(i)));
        }
        releaseTheWriter();

        assertTrue(queue.close(TimeUnit.SECONDS.toMillis(TIMEOUT_S)), "nothing was left unwritten");
        for (Receipt r : queued) {
            assertTrue(r.acknowledged().getNow(false));
        }
        assertEquals(List.of(1, 2, 3), entries());
        assertFalse(queue.submit(1, entry(4)).acknowledged().getNow(true), "closed: refused at once");
    }

    /** The database under the queue. */
    enum Kind { SQLITE, POSTGRESQL }

    /** The test's database: a file, or a fresh PostgreSQL database; "down" while the test has taken it down. */
    private final class TestDatabase implements AutoCloseable {
        final Kind kind;
        final Path file;
        final Postgres.Database pg;
        final Vertx vertx;
        final Pool pool;

        TestDatabase(Kind kind) {
            this.kind = kind;
            this.file = dir.resolve("queue.db");
            this.pg = kind == Kind.POSTGRESQL ? Postgres.shared().newDatabase() : null;
            this.vertx = kind == Kind.POSTGRESQL ? Vertx.vertx() : null;
            this.pool = kind == Kind.POSTGRESQL ? Pg.pool(vertx, pg.settings()) : null;
        }

        BatchWriter batchWriter() {
            if (kind == Kind.SQLITE) {
                return new SqliteBatchWriter(file, this::openSqlite, (c, owner, count) -> {
                    try (PreparedStatement s = c.prepareStatement(ADD_LOST)) {
                        s.setInt(1, count);
                        s.setLong(2, owner);
                        return s.executeUpdate() > 0;
                    }
                }, (sql, owner) -> { });
            }
            return new PgBatchWriter(pool, c -> {
                failIfDown();
                Pg.await(c.query("CREATE TABLE IF NOT EXISTS entries (seq BIGSERIAL PRIMARY KEY,"
                        + " value INTEGER NOT NULL)").execute(), 10_000);
                Pg.await(c.query("CREATE TABLE IF NOT EXISTS owners (id BIGINT PRIMARY KEY,"
                        + " lost INTEGER NOT NULL DEFAULT 0)").execute(), 10_000);
            }, 10_000, ADD_LOST);
        }

        /** The file, reachable unless the test has taken the disk down. */
        private Connection openSqlite() throws SQLException {
            failIfDown();
            Connection c = Database.open(file);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS entries (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " value INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS owners (id INTEGER PRIMARY KEY, lost INTEGER NOT NULL DEFAULT 0)");
            }
            return c;
        }

        private void failIfDown() throws SQLException {
            if (diskDown.get()) {
                throw new SQLException("disk I/O error", null, 10);
            }
        }

        /** A connection of the test's own, which sees only what is committed. */
        Connection connect() throws SQLException {
            return kind == Kind.SQLITE ? Database.open(file) : pg.connect();
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
                vertx.close();
            }
        }
    }

    private static final String ADD_LOST = "UPDATE owners SET lost = lost + ? WHERE id = ?";

    private void start(Kind kind, int capacity) {
        db = new TestDatabase(kind);
        queue = new WriteQueue(capacity, db.batchWriter());
        queue.start();
        assertTrue(queue.healthy());
    }

    /** A queue of room enough, started, whose writer is held so that the writes submitted next queue up. */
    private void startHeld(Kind kind) throws Exception {
        start(kind, 100);
        holdTheWriter();
    }

    /** Keeps the writer thread inside a batch of its own, so that the writes submitted next queue up. */
    private void holdTheWriter() throws Exception {
        queue.submit(0, c -> {
            writerHeld.complete(null);
            try {
                writerReleased.get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new SQLException("the test never released the writer", e);
            }
        });
        writerHeld.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private void releaseTheWriter() {
        writerReleased.complete(null);
    }

    private static WriteQueue.Work entry(int value) {
        return sql -> sql.run("INSERT INTO entries (value) VALUES (?)", value);
    }

    /** The entries committed so far, in the order written, as a connection of its own sees them. */
    private List<Integer> entries() {
        List<Integer> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM entries ORDER BY seq")) {
            while (rs.next()) {
                values.add(rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private int lostCountOf(long owner) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT lost FROM owners WHERE id = ?")) {
            s.setLong(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }
}
