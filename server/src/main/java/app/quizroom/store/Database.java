package app.quizroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded SQLite file: opening it with the settings that make acknowledged writes survive a crash, and the
 * versioned migrations that create and upgrade its schema.
 *
 * <p>Migrations are the files {@code db/V<n>__<name>.sql} listed in {@link #MIGRATIONS}, applied in order, each in
 * its own transaction; the schema version is SQLite's {@code user_version}. A new version is a new file added at
 * the end of the list; a released file never changes.
 */
public final class Database {

    static final List<String> MIGRATIONS = List.of("V1__results.sql", "V2__teams.sql", "V3__shuffle_and_skills.sql",
            "V4__ended_early.sql", "V5__cluster.sql", "V6__takeover.sql",
            "V7__takeover_cause.sql");

    private Database() {
    }

    /**
     * Opens (creating if needed) the database file: WAL journal, {@code synchronous=FULL} (a commit is on disk
     * before it returns), foreign keys on.
     */
    public static Connection open(Path file) throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    /** Applies every migration newer than the file's version; returns the version reached. */
    public static int migrate(Connection connection) throws SQLException {
        return migrate(connection, MIGRATIONS.size());
    }

    /** Applies migrations up to {@code target} (tests use this to build a file at an older version). */
    static int migrate(Connection connection, int target) throws SQLException {
        int version = version(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            while (version < target) {
                String name = MIGRATIONS.get(version);
                try (Statement s = connection.createStatement()) {
                    for (String statement : statements(read(name))) {
                        s.execute(statement);
                    }
                    s.execute("PRAGMA user_version=" + (version + 1));
                }
                connection.commit();
                version++;
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return version;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String read(String name) {
        return resource("/db/" + name);
    }

    /** A migration file from the jar. */
    static String resource(String path) {
        String name = path;
        try (InputStream in = Database.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Splits a migration into statements: ';' at the end of a line ends one; '--' lines are comments. */
    static List<String> statements(String sql) {
        StringBuilder current = new StringBuilder();
        List<String> list = new ArrayList<>();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                list.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            list.add(current.toString().strip());
        }
        return list;
    }
}
