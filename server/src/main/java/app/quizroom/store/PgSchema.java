package app.quizroom.store;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL schema and its migrations: the SQLite store's mechanism carried over. The files
 * {@code db/postgresql/V<n>__<name>.sql} are the same versions as SQLite's {@code db/V<n>__<name>.sql}, translated
 * (BIGINT ids and times, DOUBLE PRECISION credit), applied in order, each in its own transaction; the version
 * reached is a row in {@code quizroom_schema}. Each step holds a transaction-scoped advisory lock, so servers
 * that start together against one database migrate it once. PostgreSQL's DDL is transactional, so a step that
 * fails leaves the previous version whole.
 */
final class PgSchema {

    static final List<String> MIGRATIONS = Database.MIGRATIONS;
    /** The advisory lock taken by a migration step ("quizroom" in ASCII). */
    private static final long LOCK = 0x7175697a726f6f6dL;

    private PgSchema() {
    }

    /** Applies every migration newer than the database's version; returns the version reached. */
    static int migrate(SqlConnection connection, long timeoutMs) throws SQLException {
        return migrate(connection, MIGRATIONS.size(), timeoutMs);
    }

    /** Applies migrations up to {@code target} (tests use this to build a database at an older version). */
    static int migrate(SqlConnection connection, int target, long timeoutMs) throws SQLException {
        while (true) {
            run(connection, "BEGIN", timeoutMs);
            try {
                run(connection, "SELECT pg_advisory_xact_lock(" + LOCK + ")", timeoutMs);
                run(connection, "CREATE TABLE IF NOT EXISTS quizroom_schema (version INTEGER PRIMARY KEY,"
                        + " name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", timeoutMs);
                int version = version(connection, timeoutMs);
                if (version >= target) {
                    run(connection, "COMMIT", timeoutMs);
                    return version;
                }
                String name = MIGRATIONS.get(version);
                for (String statement : Database.statements(Database.resource("/db/postgresql/" + name))) {
                    run(connection, statement, timeoutMs);
                }
                Pg.await(connection.preparedQuery("INSERT INTO quizroom_schema (version, name) VALUES ($1, $2)")
                        .execute(Pg.tuple(version + 1, name)), timeoutMs);
                run(connection, "COMMIT", timeoutMs);
            } catch (SQLException | RuntimeException e) {
                try {
                    run(connection, "ROLLBACK", timeoutMs);
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** The version the database is at: 0 when it holds no schema of ours. */
    static int version(SqlConnection connection, long timeoutMs) throws SQLException {
        RowSet<Row> exists = Pg.await(connection.query("SELECT to_regclass('quizroom_schema') IS NOT NULL").execute(),
                timeoutMs);
        if (!exists.iterator().next().getBoolean(0)) {
            return 0;
        }
        RowSet<Row> rows = Pg.await(connection.query("SELECT coalesce(max(version), 0) FROM quizroom_schema")
                .execute(), timeoutMs);
        return rows.iterator().next().getInteger(0);
    }

    private static void run(SqlConnection connection, String sql, long timeoutMs) throws SQLException {
        Pg.await(connection.query(sql).execute(), timeoutMs);
    }
}
