package app.quizroom.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * The teacher's reports, read from the results database (blocking: call from a worker thread). Everything here
 * is computed from what was stored, so a report of an interrupted game shows the results up to the crash. The
 * reads are {@link ReportQueries}' (over SQLite or PostgreSQL, see {@link ReportSource}); the JSON is {@link ReportJson}'s and the CSV {@link ReportCsv}'s.
 */
public final class Reports {

    private final ReportSource source;

    /** The reports of an SQLite file. */
    public Reports(Path file) {
        this(new SqliteReportSource(file));
    }

    Reports(ReportSource source) {
        this.source = source;
    }

    /** How a host key is kept: its SHA-256, so that the database never holds a usable key. */
    public static String hashKey(String hostKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hostKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every game, newest first (for a teacher who gave the password). */
    public ArrayNode listAll() throws SQLException {
        return list(null);
    }

    /** The games whose host keys are given, newest first. */
    public ArrayNode listByKeys(List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return ReportJson.summaries(List.of()); // no key opens nothing, whether or not the file can be read
        }
        return list(keys.stream().map(Reports::hashKey).toList());
    }

    /** True if {@code hostKey} is the key of game {@code id}. */
    public boolean keyMatches(long id, String hostKey) throws SQLException {
        if (hostKey == null) {
            return false;
        }
        String stored = source.read(c -> ReportQueries.hostKeyHash(c, id));
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                hashKey(hostKey).getBytes(StandardCharsets.UTF_8));
    }

    /** One game's report (docs/protocol.md, 2.6); null if there is no such game. */
    public ObjectNode report(long id) throws SQLException {
        return source.read(c -> {
            GameSummary game = ReportQueries.game(c, id);
            return game == null ? null : ReportJson.report(game, ReportQueries.rows(c, id));
        });
    }

    /** One game's results as CSV (see {@link ReportCsv}); null if there is no such game. */
    public String csv(long id) throws SQLException {
        return source.read(c -> ReportQueries.exists(c, id) ? ReportCsv.csv(ReportQueries.rows(c, id)) : null);
    }

    private ArrayNode list(List<String> hashes) throws SQLException {
        return ReportJson.summaries(source.read(c -> ReportQueries.list(c, hashes)));
    }
}
