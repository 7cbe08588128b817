package app.quizroom.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's settings, read from environment variables with defaults. Every limit lives here.
 *
 * @param port              QUIZROOM_PORT (8080); 0 picks a free port
 * @param bindHost          QUIZROOM_BIND (0.0.0.0, every interface, so phones on the Wi-Fi can connect)
 * @param banksDir          QUIZROOM_BANKS (questions)
 * @param publicUrl         QUIZROOM_PUBLIC_URL (http://first-LAN-IPv4:port): the address phones are sent to
 * @param maxPlayersPerRoom QUIZROOM_MAX_PLAYERS (2000)
 * @param maxRooms          QUIZROOM_MAX_ROOMS (500)
 * @param maxMessageBytes   QUIZROOM_MAX_MESSAGE_BYTES (4096): the largest WebSocket frame or message accepted
 * @param roomIdleMinutes   QUIZROOM_ROOM_IDLE_MINUTES (30): a room with nobody connected this long is removed
 * @param webDir            QUIZROOM_WEB_DIR (unset): serve the web client from this folder instead of the jar
 */
public record Config(int port, String bindHost, Path banksDir, String publicUrl, int maxPlayersPerRoom,
                     int maxRooms, int maxMessageBytes, int roomIdleMinutes, Path webDir) {

    public static Config fromEnv(Map<String, String> env) {
        int port = intValue(env, "QUIZROOM_PORT", 8080, 0, 65535);
        String publicUrl = env.get("QUIZROOM_PUBLIC_URL");
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://" + lanAddress() + ":" + port;
        }
        String web = env.get("QUIZROOM_WEB_DIR");
        return new Config(
                port,
                env.getOrDefault("QUIZROOM_BIND", "0.0.0.0"),
                Path.of(env.getOrDefault("QUIZROOM_BANKS", "questions")),
                stripSlash(publicUrl),
                intValue(env, "QUIZROOM_MAX_PLAYERS", 2000, 1, 100_000),
                intValue(env, "QUIZROOM_MAX_ROOMS", 500, 1, 100_000),
                intValue(env, "QUIZROOM_MAX_MESSAGE_BYTES", 4096, 512, 65536),
                intValue(env, "QUIZROOM_ROOM_IDLE_MINUTES", 30, 1, 24 * 60),
                web == null || web.isBlank() ? null : Path.of(web));
    }

    /** The same settings with another port and public URL (tests start on a free port). */
    public Config withPort(int newPort, String newPublicUrl) {
        return new Config(newPort, bindHost, banksDir, stripSlash(newPublicUrl), maxPlayersPerRoom, maxRooms,
                maxMessageBytes, roomIdleMinutes, webDir);
    }

    /** The settings as logged at start-up. None of them is secret. */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("QUIZROOM_PORT", port);
        map.put("QUIZROOM_BIND", bindHost);
        map.put("QUIZROOM_BANKS", banksDir);
        map.put("QUIZROOM_PUBLIC_URL", publicUrl);
        map.put("QUIZROOM_MAX_PLAYERS", maxPlayersPerRoom);
        map.put("QUIZROOM_MAX_ROOMS", maxRooms);
        map.put("QUIZROOM_MAX_MESSAGE_BYTES", maxMessageBytes);
        map.put("QUIZROOM_ROOM_IDLE_MINUTES", roomIdleMinutes);
        map.put("QUIZROOM_WEB_DIR", webDir == null ? "(the jar)" : webDir);
        return map;
    }

    /**
     * The first non-loopback IPv4 address of an interface that is up, preferring private (site-local) ones: the
     * address phones on the same Wi-Fi can reach. Falls back to 127.0.0.1 only when the machine has no network.
     */
    public static String lanAddress() {
        String fallback = null;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()) {
                        if (address.isSiteLocalAddress()) {
                            return address.getHostAddress();
                        }
                        if (fallback == null) {
                            fallback = address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException ignored) {
            // no interfaces to list: fall through
        }
        return fallback != null ? fallback : "127.0.0.1";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
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
