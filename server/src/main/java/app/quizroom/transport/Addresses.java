package app.quizroom.transport;

import app.quizroom.config.Config;

import java.util.concurrent.atomic.AtomicInteger;

/** The addresses the server hands out: where phones join a game, its QR code, and the game's WebSocket path. */
public final class Addresses {

    public static final String WEBSOCKET_PATH = "/ws";

    private final String configuredUrl;
    private final AtomicInteger boundPort = new AtomicInteger();

    public Addresses(Config config) {
        this.configuredUrl = config.publicUrl();
    }

    /**
     * The address phones are sent to. A configured URL on port 0 (a server started on a free port) takes the
     * port actually bound.
     */
    public String publicUrl() {
        return configuredUrl.endsWith(":0")
                ? configuredUrl.substring(0, configuredUrl.length() - 1) + boundPort.get() : configuredUrl;
    }

    /** The page phones open to join the game with this PIN. */
    public String joinUrl(String pin) {
        return publicUrl() + "/join/" + pin;
    }

    /** The QR code of {@link #joinUrl}, as served by the HTTP API. */
    public static String qrPath(String pin) {
        return "/api/qr/" + pin + ".svg";
    }

    /** The port actually bound (useful when the configured port is 0); 0 until the server listens. */
    public int port() {
        return boundPort.get();
    }

    void bound(int port) {
        boundPort.set(port);
    }
}
