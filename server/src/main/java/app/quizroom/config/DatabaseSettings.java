package app.quizroom.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where results go when they go to PostgreSQL rather than to the SQLite file {@code QUIZROOM_DB}: set by
 * {@code QUIZROOM_DATABASE_URL}, null in {@link Config} when it is unset.
 *
 * @param host               from {@code QUIZROOM_DATABASE_URL=postgresql://user@host:port/database}
 * @param port               5432 when the URL names none
 * @param database           the database (required)
 * @param user               the user (required)
 * @param password           QUIZROOM_DATABASE_PASSWORD, or the first line of QUIZROOM_DATABASE_PASSWORD_FILE; null
 *                           for none (trust or peer authentication)
 * @param poolSize           QUIZROOM_DATABASE_POOL_SIZE (4): connections at most, one of them the writer's, the
 *                           others for reports
 * @param statementTimeoutMs QUIZROOM_DATABASE_STATEMENT_TIMEOUT_SECONDS (10): the server ends a statement (and so a
 *                           batch) that runs longer, and the batch is retried; waits for a connection end then too
 */
public record DatabaseSettings(String host, int port, String database, String user, String password, int poolSize,
                               int statementTimeoutMs) {

    /** The settings, or null when {@code QUIZROOM_DATABASE_URL} is unset (results stay in SQLite). */
    public static DatabaseSettings fromEnv(Map<String, String> env) {
        String url = env.get("QUIZROOM_DATABASE_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String password = env.get("QUIZROOM_DATABASE_PASSWORD");
        String passwordFile = env.get("QUIZROOM_DATABASE_PASSWORD_FILE");
        if (password != null && !password.isEmpty() && passwordFile != null && !passwordFile.isBlank()) {
            throw new IllegalArgumentException(
                    "set QUIZROOM_DATABASE_PASSWORD or QUIZROOM_DATABASE_PASSWORD_FILE, not both");
        }
        if (passwordFile != null && !passwordFile.isBlank()) {
            try {
                password = Files.readString(Path.of(passwordFile)).lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read QUIZROOM_DATABASE_PASSWORD_FILE " + passwordFile
                        + ": " + e.getMessage());
            }
        }
        return parse(url.trim(), password == null || password.isEmpty() ? null : password,
                Config.intValue(env, "QUIZROOM_DATABASE_POOL_SIZE", 4, 2, 100),
                Config.intValue(env, "QUIZROOM_DATABASE_STATEMENT_TIMEOUT_SECONDS", 10, 1, 600) * 1000);
    }

    /**
     * Reads {@code postgresql://user@host[:port]/database} (or {@code postgres://}); a password in the URL is
     * refused, so that it is never logged with it.
     */
    public static DatabaseSettings parse(String url, String password, int poolSize, int statementTimeoutMs) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("QUIZROOM_DATABASE_URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new IllegalArgumentException("QUIZROOM_DATABASE_URL must be postgresql://user@host:port/database,"
                    + " not " + url);
        }
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw new IllegalArgumentException("QUIZROOM_DATABASE_URL must not hold the password: set"
                    + " QUIZROOM_DATABASE_PASSWORD or QUIZROOM_DATABASE_PASSWORD_FILE");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || user == null || user.isEmpty() || database.isEmpty() || uri.getQuery() != null) {
            throw new IllegalArgumentException("QUIZROOM_DATABASE_URL must be postgresql://user@host:port/database,"
                    + " not " + url);
        }
        return new DatabaseSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user,
                password, poolSize, statementTimeoutMs);
    }

    /** The URL as given, without the password (which it never holds). */
    public String url() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** The settings as logged at start-up, the password masked. */
    public void describe(Map<String, Object> map) {
        map.put("QUIZROOM_DATABASE_URL", url());
        map.put("QUIZROOM_DATABASE_PASSWORD", password == null ? "(none)" : "****");
        map.put("QUIZROOM_DATABASE_POOL_SIZE", poolSize);
        map.put("QUIZROOM_DATABASE_STATEMENT_TIMEOUT_SECONDS", statementTimeoutMs / 1000);
    }

    @Override
    public String toString() {
        return url(); // never the password
    }
}
