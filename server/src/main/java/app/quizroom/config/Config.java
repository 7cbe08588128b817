package app.quizroom.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's settings, read from environment variables with defaults. Every limit lives here; the README's
 * configuration table lists them all.
 *
 * @param port                 QUIZROOM_PORT (8080); 0 picks a free port
 * @param bindHost             QUIZROOM_BIND (0.0.0.0, every interface, so phones on the Wi-Fi can connect)
 * @param banksDir             QUIZROOM_BANKS (questions)
 * @param publicUrl            QUIZROOM_PUBLIC_URL (unset: null): the address phones are sent to; unset, the server
 *                             picks a LAN address of this machine ({@link LanAddresses}) and the setup page offers
 *                             the others
 * @param maxPlayersPerRoom    QUIZROOM_MAX_PLAYERS (2000)
 * @param maxRooms             QUIZROOM_MAX_ROOMS (500)
 * @param maxMessageBytes      QUIZROOM_MAX_MESSAGE_BYTES (4096): the largest WebSocket frame or message accepted
 * @param roomIdleMinutes      QUIZROOM_ROOM_IDLE_MINUTES (30): a room with nobody connected this long is removed
 * @param webDir               QUIZROOM_WEB_DIR (unset): serve the web client from this folder instead of the jar
 * @param allowedOrigins       QUIZROOM_ALLOWED_ORIGINS (none beyond the server's own): extra browser origins
 *                             allowed to open a WebSocket, comma-separated
 * @param pingSeconds          QUIZROOM_PING_SECONDS (10): the server pings every socket this often
 * @param readIdleSeconds      QUIZROOM_READ_IDLE_SECONDS (30): a socket silent this long is closed (seat kept)
 * @param joinTimeoutSeconds   QUIZROOM_JOIN_TIMEOUT_SECONDS (10): a socket that holds no seat by then is closed
 * @param slowClientSeconds    QUIZROOM_SLOW_CLIENT_SECONDS (10): a socket that cannot take its messages this
 *                             long is closed (seat kept, so it can resume)
 * @param writeQueueBytes      QUIZROOM_WRITE_QUEUE_BYTES (65536): per-socket outgoing buffer before it counts as full
 * @param pinFailuresPerSocket QUIZROOM_PIN_FAILURES_PER_SOCKET (5): wrong PINs before a socket is closed
 * @param pinFailuresPerSecond QUIZROOM_PIN_FAILURES_PER_SECOND (20): wrong PINs per second, server-wide, before
 *                             further lookups by sockets that already missed are refused
 * @param joinsPerSecond       QUIZROOM_JOINS_PER_SECOND (50): sustained joins per second into one room
 * @param joinBurst            QUIZROOM_JOIN_BURST (150): joins one room takes at once before the rate applies
 * @param teacherPassword      QUIZROOM_TEACHER_PASSWORD (unset): if set, needed to create games from every
 *                             address; if unset, the server generates one beside the database and requests from
 *                             its own machine (loopback) need none
 * @param gamesPerMinute       QUIZROOM_GAMES_PER_MINUTE (20): games one address may create a minute when no
 *                             teacher password is set
 * @param blocklistFile        QUIZROOM_BLOCKLIST_FILE (unset): more words to refuse in nicknames, one a line
 * @param dbFile               QUIZROOM_DB (quizroom.db): the SQLite file results are kept in
 * @param dbQueue              QUIZROOM_DB_QUEUE (100000): result writes that may wait while the database fails
 * @param shutdownGraceSeconds QUIZROOM_SHUTDOWN_GRACE_SECONDS (10): how long a shutdown waits to save results
 * @param roomsPerAddress      QUIZROOM_ROOMS_PER_ADDRESS (10): live rooms one address may have created (the
 *                             server's own machine is not counted when no password is configured)
 * @param emptyRoomMinutes     QUIZROOM_EMPTY_ROOM_MINUTES (10): a room no player ever joined is removed after this
 *                             long with no host connected
 * @param maxConnections       QUIZROOM_MAX_CONNECTIONS (the descriptor limit less those open and a reserve,
 *                             {@link Descriptors}): open TCP connections at once; a larger value is lowered to that
 * @param connectionsPerAddress QUIZROOM_CONNECTIONS_PER_ADDRESS (1000, or half of maxConnections if that is less):
 *                             open TCP connections from one client address
 * @param handshakeSeconds     QUIZROOM_HANDSHAKE_SECONDS (5): a connection must send a whole request (or its WebSocket
 *                             upgrade) this soon after opening, or after its previous response
 * @param database             QUIZROOM_DATABASE_URL and its companions (unset: null, results in QUIZROOM_DB):
 *                             results in PostgreSQL instead of the SQLite file
 */
public record Config(int port, String bindHost, Path banksDir, String publicUrl, int maxPlayersPerRoom,
                     int maxRooms, int maxMessageBytes, int roomIdleMinutes, Path webDir, List<String> allowedOrigins,
                     int pingSeconds, int readIdleSeconds, int joinTimeoutSeconds, int slowClientSeconds,
                     int writeQueueBytes, int pinFailuresPerSocket, int pinFailuresPerSecond, int joinsPerSecond,
                     int joinBurst, String teacherPassword, int gamesPerMinute, Path blocklistFile, Path dbFile,
                     int dbQueue, int shutdownGraceSeconds, int roomsPerAddress, int emptyRoomMinutes,
                     int maxConnections, int connectionsPerAddress, int handshakeSeconds,
                     DatabaseSettings database) {

    public Config {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static Config fromEnv(Map<String, String> env) {
        int port = intValue(env, "QUIZROOM_PORT", 8080, 0, 65535);
        String publicUrl = env.get("QUIZROOM_PUBLIC_URL");
        String origins = env.getOrDefault("QUIZROOM_ALLOWED_ORIGINS", "");
        String password = env.get("QUIZROOM_TEACHER_PASSWORD");
        int maxConnections = maxConnections(env,
                Descriptors.connectionsWithin(Descriptors.limit(), Descriptors.open()));
        return new Config(
                port,
                env.getOrDefault("QUIZROOM_BIND", "0.0.0.0"),
                Path.of(env.getOrDefault("QUIZROOM_BANKS", "questions")),
                publicUrl == null || publicUrl.isBlank() ? null : stripSlash(publicUrl.trim()),
                intValue(env, "QUIZROOM_MAX_PLAYERS", 2000, 1, 100_000),
                intValue(env, "QUIZROOM_MAX_ROOMS", 500, 1, 100_000),
                intValue(env, "QUIZROOM_MAX_MESSAGE_BYTES", 4096, 512, 65536),
                intValue(env, "QUIZROOM_ROOM_IDLE_MINUTES", 30, 1, 24 * 60),
                path(env, "QUIZROOM_WEB_DIR"),
                Arrays.stream(origins.split(",")).map(String::trim).filter(o -> !o.isEmpty())
                        .map(Config::stripSlash).toList(),
                intValue(env, "QUIZROOM_PING_SECONDS", 10, 1, 3600),
                intValue(env, "QUIZROOM_READ_IDLE_SECONDS", 30, 2, 3600),
                intValue(env, "QUIZROOM_JOIN_TIMEOUT_SECONDS", 10, 1, 3600),
                intValue(env, "QUIZROOM_SLOW_CLIENT_SECONDS", 10, 1, 3600),
                intValue(env, "QUIZROOM_WRITE_QUEUE_BYTES", 65536, 1024, 16 * 1024 * 1024),
                intValue(env, "QUIZROOM_PIN_FAILURES_PER_SOCKET", 5, 1, 1000),
                intValue(env, "QUIZROOM_PIN_FAILURES_PER_SECOND", 20, 1, 100_000),
                intValue(env, "QUIZROOM_JOINS_PER_SECOND", Limits.DEFAULT_JOINS_PER_SECOND, 1, 100_000),
                intValue(env, "QUIZROOM_JOIN_BURST", Limits.DEFAULT_JOIN_BURST, 1, 100_000),
                password == null || password.isEmpty() ? null : password,
                intValue(env, "QUIZROOM_GAMES_PER_MINUTE", 20, 1, 100_000),
                path(env, "QUIZROOM_BLOCKLIST_FILE"),
                Path.of(env.getOrDefault("QUIZROOM_DB", "quizroom.db")),
                intValue(env, "QUIZROOM_DB_QUEUE", 100_000, 10, 10_000_000),
                intValue(env, "QUIZROOM_SHUTDOWN_GRACE_SECONDS", 10, 1, 600),
                intValue(env, "QUIZROOM_ROOMS_PER_ADDRESS", 10, 1, 100_000),
                intValue(env, "QUIZROOM_EMPTY_ROOM_MINUTES", 10, 1, 24 * 60),
                maxConnections,
                // By default never more than half of all, so that one address cannot take every connection a
                // server with few descriptors has; a value set is taken as it is (a load test from one address).
                intValue(env, "QUIZROOM_CONNECTIONS_PER_ADDRESS", Math.min(1000, Math.max(1, maxConnections / 2)), 1,
                        1_000_000),
                intValue(env, "QUIZROOM_HANDSHAKE_SECONDS", 5, 1, 600),
                DatabaseSettings.fromEnv(env));
    }

    /** QUIZROOM_MAX_CONNECTIONS, never above what the process's descriptors allow. */
    private static int maxConnections(Map<String, String> env, int allowed) {
        return Math.min(intValue(env, "QUIZROOM_MAX_CONNECTIONS", allowed, 1, Integer.MAX_VALUE), allowed);
    }

    /** The settings as logged at start-up, the teacher password masked. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("QUIZROOM_PORT", port);
        map.put("QUIZROOM_BIND", bindHost);
        map.put("QUIZROOM_BANKS", banksDir);
        map.put("QUIZROOM_PUBLIC_URL", publicUrl == null
                ? "(unset: a LAN address of this machine, the default route's first; the setup page offers the others)"
                : publicUrl);
        map.put("QUIZROOM_MAX_PLAYERS", maxPlayersPerRoom);
        map.put("QUIZROOM_MAX_ROOMS", maxRooms);
        map.put("QUIZROOM_MAX_MESSAGE_BYTES", maxMessageBytes);
        map.put("QUIZROOM_ROOM_IDLE_MINUTES", roomIdleMinutes);
        map.put("QUIZROOM_WEB_DIR", webDir == null ? "(the jar)" : webDir);
        map.put("QUIZROOM_ALLOWED_ORIGINS", allowedOrigins.isEmpty() ? "(the server's own)" : String.join(",", allowedOrigins));
        map.put("QUIZROOM_PING_SECONDS", pingSeconds);
        map.put("QUIZROOM_READ_IDLE_SECONDS", readIdleSeconds);
        map.put("QUIZROOM_JOIN_TIMEOUT_SECONDS", joinTimeoutSeconds);
        map.put("QUIZROOM_SLOW_CLIENT_SECONDS", slowClientSeconds);
        map.put("QUIZROOM_WRITE_QUEUE_BYTES", writeQueueBytes);
        map.put("QUIZROOM_PIN_FAILURES_PER_SOCKET", pinFailuresPerSocket);
        map.put("QUIZROOM_PIN_FAILURES_PER_SECOND", pinFailuresPerSecond);
        map.put("QUIZROOM_JOINS_PER_SECOND", joinsPerSecond);
        map.put("QUIZROOM_JOIN_BURST", joinBurst);
        map.put("QUIZROOM_TEACHER_PASSWORD", teacherPassword == null
                ? "(not set: generated beside QUIZROOM_DB; this machine needs none)" : "****");
        map.put("QUIZROOM_GAMES_PER_MINUTE", gamesPerMinute);
        map.put("QUIZROOM_BLOCKLIST_FILE", blocklistFile == null ? "(built-in list only)" : blocklistFile);
        map.put("QUIZROOM_DB", dbFile);
        map.put("QUIZROOM_DB_QUEUE", dbQueue);
        map.put("QUIZROOM_SHUTDOWN_GRACE_SECONDS", shutdownGraceSeconds);
        map.put("QUIZROOM_ROOMS_PER_ADDRESS", roomsPerAddress);
        map.put("QUIZROOM_EMPTY_ROOM_MINUTES", emptyRoomMinutes);
        long descriptors = Descriptors.limit();
        map.put("QUIZROOM_MAX_CONNECTIONS", maxConnections
                + (descriptors > 0 ? " (descriptor limit " + descriptors + ")" : " (descriptor limit unknown)"));
        map.put("QUIZROOM_CONNECTIONS_PER_ADDRESS", connectionsPerAddress);
        map.put("QUIZROOM_HANDSHAKE_SECONDS", handshakeSeconds);
        if (database != null) {
            database.describe(map);
        }
        return map;
    }

    /**
     * The LAN address phones are sent to by default: the first of {@link LanAddresses#ofThisMachine()}, or
     * 127.0.0.1 when the machine has no network.
     */
    public static String lanAddress() {
        List<LanAddresses.Candidate> found = LanAddresses.ofThisMachine();
        return found.isEmpty() ? "127.0.0.1" : found.get(0).address();
    }

    private static Path path(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + raw + "'");
        }
    }
}
