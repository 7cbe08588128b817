package app.quizroom.store;

import app.quizroom.game.GameOptions;
import app.quizroom.game.GameRecorder;
import app.quizroom.game.GameRecorder.GivenAnswer;
import app.quizroom.game.GameRecorder.Saving;
import app.quizroom.game.Room;
import app.quizroom.support.Postgres;
import app.quizroom.support.RecordedGames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL store on a real PostgreSQL: what it writes, how it commits, and the sessions it opens. */
class PostgresStoreTest {

    private static final long TIMEOUT_S = 20;

    @TempDir
    Path dir;

    private final Postgres.Database pg = Postgres.shared().newDatabase();
    private PostgresStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private PostgresStore start() {
        store = new PostgresStore(pg.settings(), 100_000);
        store.start();
        assertTrue(store.healthy(), store.lastError());
        return store;
    }

    @Test
    void aThousandAnswersArrivingAtOnceAreCommittedInAHandfulOfTransactions() throws Exception {
        start();
        GameRecorder game = store.newGame("123456", "bank", "Bank", Room.settingsOf(GameOptions.defaults()), "key",
                1, null, 1);
        assertTrue(store.flushed().get(TIMEOUT_S, TimeUnit.SECONDS));
        long commitsBefore = store.commits();
        long xactBefore = xactCommit();

        List<Saving> savings = new ArrayList<>();
        for (int player = 1; player <= 1000; player++) {
            savings.add(game.answerAccepted(0, player, new GivenAnswer(player % 4, null, null, null), player, 1));
        }
        for (Saving s : savings) {
            assertTrue(s.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS), "saved");
        }
        long commits = store.commits() - commitsBefore;
        assertEquals("1000", pg.single("SELECT count(*) FROM answers"));
        assertTrue(commits >= 1 && commits <= 50, commits + " commits for 1,000 answers");
        // The server's own count (published by PostgreSQL with a delay of up to a second: waited for, not timed).
        long xact = awaitXactCommitAbove(xactBefore + commits - 1) - xactBefore;
        assertTrue(xact < 200, xact + " transactions committed in the database for 1,000 answers");
    }

    @Test
    void theSameGamesWrittenThroughEitherStoreGiveTheSameCsvAndReports() throws Exception {
        List<Long> onPostgres = RecordedGames.write(start());
        List<Long> onSqlite;
        Reports sqliteReports;
        try (SqliteStore sqlite = new SqliteStore(dir.resolve("same.db"), 1000)) {
            sqlite.start();
            onSqlite = RecordedGames.write(sqlite);
            sqliteReports = sqlite.reports();
        }
        Reports postgresReports = store.reports();
        for (int i = 0; i < onPostgres.size(); i++) {
            assertEquals(sqliteReports.csv(onSqlite.get(i)), postgresReports.csv(onPostgres.get(i)));
            assertEquals(withoutIdsAndTimes(sqliteReports.report(onSqlite.get(i))),
                    withoutIdsAndTimes(postgresReports.report(onPostgres.get(i))));
        }
    }

    @Test
    void anAnswerSentAgainIsStoredOnceAsFirstGiven() throws Exception {
        start();
        GameRecorder game = store.newGame("123456", "bank", "Bank", Room.settingsOf(GameOptions.defaults()), "key",
                1, null, 1);
        Saving first = game.answerAccepted(0, 1, new GivenAnswer(2, null, null, null), 1500, 1);
        Saving again = game.answerAccepted(0, 1, new GivenAnswer(3, null, null, null), 2500, 0);
        assertTrue(first.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(again.acknowledged().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals("1", pg.single("SELECT count(*) FROM answers"));
        assertEquals("1500", pg.single("SELECT response_ms FROM answers"));
        assertEquals("0", store.reports().report(game.gameId()).get("game").get("unsavedCount").asText());
    }

    @Test
    void sessionsCommitSynchronouslyAndHaveTheStatementTimeout() throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = Pg.pool(vertx, pg.settings());
        try {
            SqlConnection c = Pg.await(pool.getConnection(), 10_000);
            assertEquals("on", Pg.await(c.query("SHOW synchronous_commit").execute(), 10_000).iterator().next()
                    .getString(0));
            assertEquals("10s", Pg.await(c.query("SHOW statement_timeout").execute(), 10_000).iterator().next()
                    .getString(0));
            c.close();
        } finally {
            pool.close();
            vertx.close();
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestSchemaAndMigratingAgainChangesNothing() throws Exception {
        start();
        assertEquals(Integer.toString(PgSchema.MIGRATIONS.size()), pg.single("SELECT max(version) FROM quizroom_schema"));
        store.close();
        store = null;
        start();
        assertEquals(Integer.toString(PgSchema.MIGRATIONS.size()), pg.single("SELECT count(*) FROM quizroom_schema"));
    }

    private static String withoutIdsAndTimes(ObjectNode report) {
        ObjectNode game = (ObjectNode) report.get("game");
        for (String field : List.of("id", "createdAt", "startedAt", "endedAt")) {
            game.remove(field);
        }
        return report.toString();
    }

    private long xactCommit() throws Exception {
        return Long.parseLong(pg.single("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
    }

    /** PostgreSQL publishes its statistics every half second or so: waits until they show at least {@code least}. */
    private long awaitXactCommitAbove(long least) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        long seen;
        while ((seen = xactCommit()) < least && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return seen;
    }
}
