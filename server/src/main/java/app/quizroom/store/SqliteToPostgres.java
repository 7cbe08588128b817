package app.quizroom.store;

import app.quizroom.config.DatabaseSettings;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar quizroom.jar migrate --from quizroom.db --to postgresql://...}: copies every game of an SQLite
 * results file into PostgreSQL, each game in one transaction, every row inserted with {@code ON CONFLICT DO
 * NOTHING}. A game already in PostgreSQL is left as it is there, so a second run changes nothing. Games the file
 * holds as still in the lobby or running (the server was stopped by a crash) are copied as interrupted, as the
 * SQLite store would mark them at its next start. The SQLite file is migrated to the current schema first, as the
 * server does when it opens it; stop the server that writes it before copying.
 */
public final class SqliteToPostgres {

    /** Each table with its columns (all of them) and the column that names its game. */
    private record Table(String name, String gameColumn, List<String> columns) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("games", "id", List.of("id", "pin", "bank_id", "bank_title", "settings_json", "host_key_hash",
                    "question_count", "created_at", "started_at", "ended_at", "status", "unsaved_count", "team_mode",
                    "shuffle_seed", "ended_early", "owner_node", "taken_over_at", "taken_over_by",
                    "taken_over_cause")),
            new Table("game_questions", "game_id", List.of("game_id", "idx", "question_id", "type", "prompt",
                    "options_json", "solution_json", "points", "time_limit_ms", "explanation",
                    "option_explanations_json", "skill")),
            new Table("players", "game_id", List.of("game_id", "player_id", "nickname", "joined_at", "kicked",
                    "final_rank", "final_score", "team")),
            new Table("answers", "game_id", List.of("game_id", "question_idx", "player_id", "answer_json",
                    "response_ms", "credit", "accepted_at")),
            new Table("scores", "game_id", List.of("game_id", "question_idx", "player_id", "points", "bonus", "total",
                    "rank")));

    /** What a run did: games copied, games found already there, and the rows inserted. */
    public record Outcome(int copied, int alreadyThere, long rows) {
    }

    private SqliteToPostgres() {
    }

    public static Outcome copy(Path sqliteFile, DatabaseSettings target) throws SQLException {
        if (!Files.isRegularFile(sqliteFile)) {
            throw new SQLException("no SQLite results file at " + sqliteFile.toAbsolutePath());
        }
        long timeoutMs = target.statementTimeoutMs() + 2_000L;
        Vertx vertx = Vertx.vertx();
        Pool pool = Pg.pool(vertx, target);
        try (Connection sqlite = Database.open(sqliteFile)) {
            Database.migrate(sqlite);
            SqlConnection pg = Pg.await(pool.getConnection(), timeoutMs);
            try {
                PgSchema.migrate(pg, timeoutMs);
                int copied = 0;
                int already = 0;
                long rows = 0;
                for (long game : gameIds(sqlite)) {
                    long inserted = copyGame(sqlite, pg, game, timeoutMs);
                    if (inserted > 0) {
                        copied++;
                        rows += inserted;
                    } else {
                        already++;
                    }
                }
                return new Outcome(copied, already, rows);
            } finally {
                pg.close();
            }
        } finally {
            pool.close();
            vertx.close();
        }
    }

    private static List<Long> gameIds(Connection sqlite) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = sqlite.prepareStatement("SELECT id FROM games ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Copies one game in one transaction; returns the rows inserted (0: it was there already). */
    private static long copyGame(Connection sqlite, SqlConnection pg, long game, long timeoutMs) throws SQLException {
        Pg.await(pg.query("BEGIN").execute(), timeoutMs);
        try {
            long inserted = 0;
            for (Table table : TABLES) {
                List<Tuple> rows = read(sqlite, table, game);
                if (rows.isEmpty()) {
                    continue;
                }
                String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns())
                        + ") VALUES (" + "?,".repeat(table.columns().size() - 1) + "?) ON CONFLICT DO NOTHING";
                for (RowSet<Row> result = Pg.await(pg.preparedQuery(Pg.numbered(insert)).executeBatch(rows),
                        timeoutMs); result != null; result = result.next()) {
                    inserted += result.rowCount();
                }
            }
            Pg.await(pg.query("COMMIT").execute(), timeoutMs);
            return inserted;
        } catch (SQLException | RuntimeException e) {
            try {
                Pg.await(pg.query("ROLLBACK").execute(), timeoutMs);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static List<Tuple> read(Connection sqlite, Table table, long game) throws SQLException {
        List<Tuple> rows = new ArrayList<>();
        try (PreparedStatement s = sqlite.prepareStatement("SELECT " + String.join(", ", table.columns()) + " FROM "
                + table.name() + " WHERE " + table.gameColumn() + " = ?")) {
            s.setLong(1, game);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Tuple row = Tuple.tuple();
                    for (int i = 0; i < table.columns().size(); i++) {
                        row.addValue(value(table, table.columns().get(i), rs, i + 1));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A column's value as PostgreSQL's column takes it. */
    private static Object value(Table table, String column, ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null) {
            return null;
        }
        if (column.equals("credit")) {
            return rs.getDouble(index);
        }
        if (table.name().equals("games") && column.equals("status")
                && (value.equals("lobby") || value.equals("running"))) {
            return "interrupted";
        }
        return value;
    }
}
