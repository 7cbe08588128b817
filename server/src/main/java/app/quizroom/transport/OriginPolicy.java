package app.quizroom.transport;

import app.quizroom.config.Config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which browser origins may open a WebSocket (against cross-site WebSocket hijacking): pages served by this
 * server under any of the machine's own addresses or {@code localhost}, the public join URL, and any origin
 * configured in QUIZROOM_ALLOWED_ORIGINS. A request without an Origin header does not come from a browser page
 * and is let through (such clients are not the target of cross-site attacks).
 */
final class OriginPolicy {

    private final Set<String> ownHosts;
    private final Set<String> configured = new HashSet<>();
    private final Supplier<String> publicUrl;

    OriginPolicy(Config config, Supplier<String> publicUrl) {
        this.ownHosts = localHosts();
        config.allowedOrigins().forEach(o -> configured.add(normalise(o)));
        this.publicUrl = publicUrl;
    }

    boolean allows(String origin, int serverPort) {
        if (origin == null) {
            return true;
        }
        String normalised = normalise(origin);
        if (normalised == null) {
            return false;
        }
        if (normalised.equals(normalise(publicUrl.get())) || configured.contains(normalised)) {
            return true;
        }
        URI uri = URI.create(normalised);
        return uri.getPort() == serverPort && ownHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host:port}, lower-case, with the default port made explicit; null if not a URL. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> localHosts() {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String host = address.getHostAddress();
                    int zone = host.indexOf('%');
                    if (zone >= 0) {
                        host = host.substring(0, zone);
                    }
                    hosts.add(host.contains(":") ? "[" + host + "]" : host);
                }
            }
        } catch (SocketException ignored) {
            // only the loopback names then
        }
        return hosts;
    }
}
