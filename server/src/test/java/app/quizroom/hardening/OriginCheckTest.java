package app.quizroom.hardening;

import app.quizroom.support.RawWebSocket;
import app.quizroom.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-site WebSocket hijacking: a page on another site must not be able to open a socket to the quiz server from
 * a student's browser. The Origin header is checked at the handshake: the server's own addresses, its public URL
 * and QUIZROOM_ALLOWED_ORIGINS pass; anything else gets 403 before any WebSocket exists. A request without Origin
 * does not come from a browser page and passes.
 */
class OriginCheckTest {

    private final List<TestServer> servers = new ArrayList<>();
    private final List<RawWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(RawWebSocket::close);
        servers.forEach(TestServer::close);
    }

    private TestServer server(Map<String, String> env) {
        TestServer s = TestServer.start(env);
        servers.add(s);
        return s;
    }

    private RawWebSocket handshake(int port, String origin) throws IOException {
        RawWebSocket ws = RawWebSocket.connect(port, "/ws", origin == null ? Map.of() : Map.of("Origin", origin), 0);
        sockets.add(ws);
        return ws;
    }

    /** The socket works: a ping is answered. */
    private static void assertUsable(RawWebSocket ws) throws IOException {
        ws.sendText("{\"type\":\"ping\"}");
        ws.awaitText("pong", 5_000);
    }

    @Test
    void aForeignOriginIsRefusedWith403AtTheHandshake() throws IOException {
        TestServer s = server(Map.of());
        for (String origin : List.of("http://evil.example", "https://evil.example", "http://evil.example:" + s.port,
                "http://127.0.0.1.evil.example:" + s.port, "http://127.0.0.1:" + (s.port == 1 ? 2 : s.port - 1),
                "null", "file://", "chrome-extension://abcdef", "ws://127.0.0.1:" + s.port)) {
            RawWebSocket ws = handshake(s.port, origin);
            assertEquals(403, ws.handshake.status(), "Origin " + origin);
        }
        String metrics = s.metrics();
        assertTrue(metrics.contains("origin_refused"), "refusals are counted");
    }

    @Test
    void theServersOwnOriginIsAccepted() throws IOException {
        TestServer s = server(Map.of());
        for (String origin : List.of("http://127.0.0.1:" + s.port, "http://localhost:" + s.port,
                "HTTP://LOCALHOST:" + s.port)) {
            RawWebSocket ws = handshake(s.port, origin);
            assertEquals(101, ws.handshake.status(), "Origin " + origin);
            assertUsable(ws);
        }
    }

    @Test
    void aClientWithoutOriginIsNotABrowserPageAndIsAccepted() throws IOException {
        TestServer s = server(Map.of());
        RawWebSocket ws = handshake(s.port, null);
        assertEquals(101, ws.handshake.status());
        assertUsable(ws);
    }

    @Test
    void configuredOriginsAndThePublicUrlAreAcceptedOthersStillRefused() throws IOException {
        TestServer s = server(Map.of("QUIZROOM_ALLOWED_ORIGINS", "https://quiz.school.example, http://10.9.8.7:8080/",
                "QUIZROOM_PUBLIC_URL", "https://quiz.public.example"));
        assertEquals(101, handshake(s.port, "https://quiz.school.example").handshake.status());
        assertEquals(101, handshake(s.port, "https://quiz.school.example:443").handshake.status());
        assertEquals(101, handshake(s.port, "http://10.9.8.7:8080").handshake.status());
        assertEquals(101, handshake(s.port, "https://quiz.public.example").handshake.status());
        assertEquals(403, handshake(s.port, "http://quiz.school.example").handshake.status(), "scheme matters");
        assertEquals(403, handshake(s.port, "https://quiz.school.example:8443").handshake.status(), "port matters");
        assertEquals(403, handshake(s.port, "http://evil.example").handshake.status());
    }
}
