package app.quizroom.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseMigrationTest {

    @Test
    void anEmptyFileIsMigratedToTheLatestSchemaInWalMode(@TempDir Path dir) throws SQLException {
        try (Connection c = Database.open(dir.resolve("new.db"))) {
            assertEquals(Database.MIGRATIONS.size(), Database.migrate(c));
            assertEquals(Database.MIGRATIONS.size(), Database.version(c));
            try (Statement s = c.createStatement()) {
                assertEquals("wal", single(s, "PRAGMA journal_mode"));
                assertEquals("2", single(s, "PRAGMA synchronous"), "synchronous=FULL");
                s.execute("INSERT INTO games (id, pin, bank_id, bank_title, settings_json, host_key_hash, question_count,"
                        + " created_at, status, team_mode) VALUES (1, '123456', 'b', 'B', '{}', 'h', 3, 0, 'lobby', 'teams')");
            }
            assertEquals(Database.MIGRATIONS.size(), Database.migrate(c), "migrating again changes nothing");
        }
    }

    @Test
    void aFileAtThePreviousVersionIsUpgradedAndKeepsItsData(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("old.db");
        try (Connection c = Database.open(file)) {
            assertEquals(1, Database.migrate(c, 1));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO games (id, pin, bank_id, bank_title, settings_json, host_key_hash, question_count,"
                        + " created_at, status) VALUES (7, '654321', 'b', 'Old game', '{}', 'h', 3, 0, 'finished')");
                s.execute("INSERT INTO players (game_id, player_id, nickname, joined_at) VALUES (7, 1, 'Ana', 0)");
            }
        }
        try (Connection c = Database.open(file)) {
            assertEquals(1, Database.version(c));
            assertEquals(Database.MIGRATIONS.size(), Database.migrate(c));
            try (Statement s = c.createStatement()) {
                assertEquals("Old game", single(s, "SELECT bank_title FROM games WHERE id = 7"));
                assertEquals("Ana", single(s, "SELECT nickname FROM players WHERE game_id = 7"));
                assertNull(single(s, "SELECT team FROM players WHERE game_id = 7"), "the new column is there, empty");
            }
        }
    }

    @Test
    void gamesTheHostEndedEarlyBeforeVersion4AreMarkedSoByTheUpgrade(@TempDir Path dir) throws SQLException {
        try (Connection c = Database.open(dir.resolve("v3.db"))) {
            assertEquals(3, Database.migrate(c, 3));
            try (Statement s = c.createStatement()) {
                game(s, 1, 3, "finished", 5, 1);    // ended after 1 of 3 questions
                game(s, 2, 2, "finished", 5, 2);    // played to the end
                game(s, 3, 3, "finished", null, 0); // closed in the lobby
                game(s, 4, 3, "interrupted", 5, 1); // cut short by the server, not by the host
            }
            assertEquals(Database.MIGRATIONS.size(), Database.migrate(c));
            try (Statement s = c.createStatement()) {
                assertEquals("1,0,0,0", single(s, "SELECT group_concat(ended_early) FROM"
                        + " (SELECT ended_early FROM games ORDER BY id)"));
            }
        }
    }

    private static void game(Statement s, int id, int questionCount, String status, Integer startedAt, int shown)
            throws SQLException {
        s.execute("INSERT INTO games (id, pin, bank_id, bank_title, settings_json, host_key_hash, question_count,"
                + " created_at, started_at, status) VALUES (" + id + ", '123456', 'b', 'B', '{}', 'h', " + questionCount
                + ", 0, " + startedAt + ", '" + status + "')");
        for (int i = 0; i < shown; i++) {
            s.execute("INSERT INTO game_questions (game_id, idx, question_id, type, prompt, options_json,"
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

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
