package app.quizroom;

import app.quizroom.store.PostgresStore;
import app.quizroom.store.Reports;
import app.quizroom.store.SqliteStore;
import app.quizroom.support.Postgres;
import app.quizroom.support.RecordedGames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar quizroom.jar migrate --from FILE --to postgresql://...} against a real PostgreSQL: every game
 * of the file arrives, a second run changes nothing, and the reports and CSV of each game are the same bytes
 * whichever store they are read from.
 */
class MigrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyGameIsCopiedOnceAndReadsTheSameFromBothStores() throws Exception {
        Path file = dir.resolve("quizroom.db");
        List<Long> games;
        try (SqliteStore sqlite = new SqliteStore(file, 1000)) {
            sqlite.start();
            games = RecordedGames.write(sqlite);
        }
        Postgres.Database pg = Postgres.shared().newDatabase();

        Run first = migrate(file, pg);
        assertEquals(0, first.status, first.output);
        assertTrue(first.output.startsWith("copied 3 game(s)"), first.output);
        String rowsAfterFirst = rowCounts(pg);
        String xminAfterFirst = pg.single("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM games");

        Run second = migrate(file, pg);
        assertEquals(0, second.status, second.output);
        assertTrue(second.output.startsWith("copied 0 game(s) (0 rows)"), second.output);
        assertTrue(second.output.contains("3 game(s) were there already"), second.output);
        assertEquals(rowsAfterFirst, rowCounts(pg), "the second run inserted nothing");
        assertEquals(xminAfterFirst, pg.single("SELECT string_agg(xmin::text, ',' ORDER BY id) FROM games"),
                "and changed no game's row");

        Reports fromSqlite = new Reports(file);
        try (PostgresStore postgres = new PostgresStore(pg.settings(), 1000)) {
            postgres.start();
            Reports fromPostgres = postgres.reports();
            assertEquals(fromSqlite.listAll().toString(), fromPostgres.listAll().toString());
            assertEquals(fromSqlite.listByKeys(RecordedGames.KEYS).toString(),
                    fromPostgres.listByKeys(RecordedGames.KEYS).toString());
            for (long game : games) {
                assertArrayEquals(bytes(fromSqlite.report(game).toString()), bytes(fromPostgres.report(game).toString()),
                        "report of game " + game);
                assertArrayEquals(bytes(fromSqlite.csv(game)), bytes(fromPostgres.csv(game)), "CSV of game " + game);
                assertTrue(fromPostgres.keyMatches(game, RecordedGames.KEYS.get(games.indexOf(game))));
            }
            assertEquals("finished", fromPostgres.report(games.get(0)).get("game").get("status").asText());
            assertTrue(fromPostgres.report(games.get(1)).get("game").get("endedEarly").asBoolean());
            assertEquals("interrupted", fromPostgres.report(games.get(2)).get("game").get("status").asText());
        }
    }

    @Test
    void aMissingFileOrABadUrlIsReportedAndNothingIsWritten() {
        Postgres.Database pg = Postgres.shared().newDatabase();
        Run missing = migrate(dir.resolve("nothing.db"), pg);
        assertEquals(1, missing.status, missing.output);
        assertTrue(missing.output.contains("no SQLite results file"), missing.output);
        assertEquals(2, Main.migrate(new String[]{"migrate", "--from", "x.db", "--to", "mysql://a@b/c"}, Map.of()));
        assertEquals(2, Main.migrate(new String[]{"migrate", "--from", "x.db"}, Map.of()));
    }

    private record Run(int status, String output) {
    }

    private static Run migrate(Path file, Postgres.Database pg) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = Main.migrate(new String[]{"migrate", "--from", file.toString(), "--to", pg.url()}, Map.of());
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    private static String rowCounts(Postgres.Database pg) throws Exception {
        StringBuilder counts = new StringBuilder();
        for (String table : List.of("games", "players", "game_questions", "answers", "scores")) {
            counts.append(table).append('=').append(pg.single("SELECT count(*) FROM " + table)).append(' ');
        }
        return counts.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
