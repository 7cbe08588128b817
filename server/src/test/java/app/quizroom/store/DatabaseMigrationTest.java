package app.quizroom.store;

import app.quizroom.support.Postgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema's migrations on each database: an empty one reaches the latest version, one at a previous version is
 * upgraded and keeps its data. SQLite's {@code user_version} and PostgreSQL's {@code quizroom_schema} count the
 * same versions.
 */
class DatabaseMigrationTest {

    enum Kind { SQLITE, POSTGRESQL }

    /** A database to migrate: a file, or a fresh PostgreSQL database reached by the store's client and by JDBC. */
    private static final class Schema implements AutoCloseable {
        private final Kind kind;
        private final Connection jdbc;
        private final Vertx vertx;
        private final Pool pool;
        private final SqlConnection pg;

        Schema(Kind kind, Path dir) throws SQLException {
            this.kind = kind;
            if (kind == Kind.SQLITE) {
                jdbc = Database.open(dir.resolve("results.db"));
                vertx = null;
                pool = null;
                pg = null;
            } else {
                Postgres.Database db = Postgres.shared().newDatabase();
                jdbc = db.connect();
                vertx = Vertx.vertx();
                pool = Pg.pool(vertx, db.settings());
                pg = Pg.await(pool.getConnection(), 10_000);
            }
        }

        int migrate(int target) throws SQLException {
            return kind == Kind.SQLITE ? Database.migrate(jdbc, target) : PgSchema.migrate(pg, target, 10_000);
        }

        int migrate() throws SQLException {
            return migrate(Database.MIGRATIONS.size());
        }

        int version() throws SQLException {
            return kind == Kind.SQLITE ? Database.version(jdbc) : PgSchema.version(pg, 10_000);
        }

        void execute(String sql) throws SQLException {
            try (Statement s = jdbc.createStatement()) {
                s.execute(sql);
            }
        }

        String single(String sql) throws SQLException {
            try (Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        @Override
        public void close() throws SQLException {
            jdbc.close();
            if (pg != null) {
                pg.close();
                pool.close();
                vertx.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEmptyDatabaseIsMigratedToTheLatestSchema(Kind kind, @TempDir Path dir) throws SQLException {
        try (Schema db = new Schema(kind, dir)) {
            assertEquals(0, db.version());
            assertEquals(Database.MIGRATIONS.size(), db.migrate());
            assertEquals(Database.MIGRATIONS.size(), db.version());
            if (kind == Kind.SQLITE) {
                assertEquals("wal", db.single("PRAGMA journal_mode"));
                assertEquals("2", db.single("PRAGMA synchronous"), "synchronous=FULL");
            }
            db.execute("INSERT INTO games (id, pin, bank_id, bank_title, settings_json, host_key_hash, question_count,"
                    + " created_at, status, team_mode) VALUES (1, '123456', 'b', 'B', '{}', 'h', 3, 0, 'lobby', 'teams')");
            assertEquals(Database.MIGRATIONS.size(), db.migrate(), "migrating again changes nothing");
            assertEquals("teams", db.single("SELECT team_mode FROM games WHERE id = 1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseAtThePreviousVersionIsUpgradedAndKeepsItsData(Kind kind, @TempDir Path dir) throws SQLException {
        try (Schema db = new Schema(kind, dir)) {
            assertEquals(1, db.migrate(1));
            db.execute("INSERT INTO games (id, pin, bank_id, bank_title, settings_json, host_key_hash, question_count,"
                    + " created_at, status) VALUES (7, '654321', 'b', 'Old game', '{}', 'h', 3, 0, 'finished')");
            db.execute("INSERT INTO players (game_id, player_id, nickname, joined_at) VALUES (7, 1, 'Ana', 0)");
            assertEquals(1, db.version());
            assertEquals(Database.MIGRATIONS.size(), db.migrate());
            assertEquals("Old game", db.single("SELECT bank_title FROM games WHERE id = 7"));
            assertEquals("Ana", db.single("SELECT nickname FROM players WHERE game_id = 7"));
            assertNull(db.single("SELECT team FROM players WHERE game_id = 7"), "the new column is there, empty");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void gamesTheHostEndedEarlyBeforeVersion4AreMarkedSoByTheUpgrade(Kind kind, @TempDir Path dir)
            throws SQLException {
        try (Schema db = new Schema(kind, dir)) {
            assertEquals(3, db.migrate(3));
            game(db, 1, 3, "finished", 5, 1);    // ended after 1 of 3 questions
            game(db, 2, 2, "finished", 5, 2);    // played to the end
            game(db, 3, 3, "finished", null, 0); // closed in the lobby
            game(db, 4, 3, "interrupted", 5, 1); // cut short by the server, not by the host
            assertEquals(Database.MIGRATIONS.size(), db.migrate());
            StringBuilder endedEarly = new StringBuilder();
            for (int id = 1; id <= 4; id++) {
                endedEarly.append(db.single("SELECT ended_early FROM games WHERE id = " + id));
            }
            assertEquals("1000", endedEarly.toString());
        }
    }

    private static void game(Schema db, int id, int questionCount, String status, Integer startedAt, int shown)
            throws SQLException {
        db.execute("INSERT INTO games (id, pin, bank_id, bank_title, settings_json, host_key_hash, question_count,"
                + " created_at, started_at, status) VALUES (" + id + ", '123456', 'b', 'B', '{}', 'h', " + questionCount
                + ", 0, " + startedAt + ", '" + status + "')");
        for (int i = 0; i < shown; i++) {
            db.execute("INSERT INTO game_questions (game_id, idx, question_id, type, prompt, options_json,"
                    + " solution_json, points, time_limit_ms) VALUES (" + id + ", " + i + ", 'q', 'single', 'Q?',"
                    + " '[]', '{}', 1000, 20000)");
        }
    }

    @Test
    void csvCellsAreQuotedAsSpreadsheetsExpect() {
        assertEquals("plain", ReportCsv.csvCell("plain"));
        assertEquals("\"Smith, Ana\"", ReportCsv.csvCell("Smith, Ana"));
        assertEquals("\"say \"\"hi\"\"\"", ReportCsv.csvCell("say \"hi\""));
        assertEquals("\"two\nlines\"", ReportCsv.csvCell("two\nlines"));
        assertEquals("Дмитрий", ReportCsv.csvCell("Дмитрий"));
        assertEquals("'=SUM(A1)", ReportCsv.csvCell("=SUM(A1)"), "a formula is not run by the spreadsheet");
        assertEquals("-5", ReportCsv.csvCell("-5"));
        assertTrue(ReportCsv.csvCell("").isEmpty());
    }
}
