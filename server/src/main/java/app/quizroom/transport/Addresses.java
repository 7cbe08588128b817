package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.config.LanAddresses;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The addresses the server hands out: where phones join a game, its QR code, and the game's WebSocket path.
 *
 * <p>Phones are sent to QUIZROOM_PUBLIC_URL when it is set. Otherwise to one of the machine's LAN addresses
 * ({@link LanAddresses}): the best one unless the teacher picked another on the setup page. The list is read when
 * the setup page asks for it ({@link #refresh}) and kept until then, so a WebSocket handshake never walks the
 * network interfaces.
 */
public final class Addresses {

    public static final String WEBSOCKET_PATH = "/ws";
    private static final String LOOPBACK = "127.0.0.1";

    private final String configuredUrl;
    private final int configuredPort;
    private final Supplier<List<LanAddresses.Candidate>> network;
    private final AtomicInteger boundPort = new AtomicInteger();
    private volatile List<LanAddresses.Candidate> candidates;

    /** @param network this machine's LAN addresses, best first (tests fake them) */
    public Addresses(Config config, Supplier<List<LanAddresses.Candidate>> network) {
        this.configuredUrl = config.publicUrl();
        this.configuredPort = config.port();
        this.network = network;
    }

    /**
     * An address phones may be sent to: {@code host} is what {@code POST /api/games} names as {@code joinHost};
     * {@code interfaceName} is null for QUIZROOM_PUBLIC_URL.
     */
    public record JoinAddress(String host, String interfaceName, String url) {

        /** The page phones open to join the game with this PIN. */
        public String joinUrl(String pin) {
            return url + "/join/" + pin;
        }
    }

    /** Where phones may be sent, the default first: QUIZROOM_PUBLIC_URL alone when it is set. */
    public List<JoinAddress> joinAddresses() {
        if (configuredUrl != null) {
            String url = withBoundPort(configuredUrl);
            return List.of(new JoinAddress(hostOf(url), null, url));
        }
        List<LanAddresses.Candidate> found = candidates;
        if (found == null) {
            found = refresh();
        }
        if (found.isEmpty()) {
            return List.of(new JoinAddress(LOOPBACK, null, "http://" + LOOPBACK + ":" + joinPort()));
        }
        return found.stream().map(c -> new JoinAddress(c.address(), c.interfaceName(),
                "http://" + c.address() + ":" + joinPort())).toList();
    }

    /** True when QUIZROOM_PUBLIC_URL decides where phones go. */
    public boolean configured() {
        return configuredUrl != null;
    }

    /** Reads the machine's LAN addresses again (the setup page asks before a game is created). */
    List<LanAddresses.Candidate> refresh() {
        List<LanAddresses.Candidate> found = List.copyOf(network.get());
        candidates = found;
        return found;
    }

    /** The join address named {@code host}, or the default one for null; empty when the server has no such. */
    public Optional<JoinAddress> joinAddress(String host) {
        List<JoinAddress> all = joinAddresses();
        return host == null ? Optional.of(all.get(0))
                : all.stream().filter(a -> a.host().equals(host)).findFirst();
    }

    /** The default address phones are sent to (a configured URL on port 0 takes the port actually bound). */
    public String publicUrl() {
        return joinAddresses().get(0).url();
    }

    /**
     * The QR code of the join page at this address, as served by the HTTP API: the default address's needs no
     * {@code host} parameter.
     */
    public String qrPath(String pin, JoinAddress at) {
        String path = "/api/qr/" + pin + ".svg";
        return at.equals(joinAddresses().get(0)) ? path
                : path + "?host=" + URLEncoder.encode(at.host(), StandardCharsets.UTF_8);
    }

    /** The port actually bound (useful when the configured port is 0); 0 until the server listens. */
    public int port() {
        return boundPort.get();
    }

    /** The port in the join URLs: the one bound, or the one configured before the server listens. */
    private int joinPort() {
        int bound = boundPort.get();
        return bound != 0 ? bound : configuredPort;
    }

    void bound(int port) {
        boundPort.set(port);
    }

    private String withBoundPort(String url) {
        return url.endsWith(":0") ? url.substring(0, url.length() - 1) + boundPort.get() : url;
    }

    /** The host of a configured URL; the URL itself if it has none that Java can read. */
    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null ? host : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
