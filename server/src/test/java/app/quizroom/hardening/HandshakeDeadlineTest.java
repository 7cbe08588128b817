package app.quizroom.hardening;

import app.quizroom.support.HostedGame;
import app.quizroom.support.TestServer;
import app.quizroom.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline for a connection's request (QUIZROOM_HANDSHAKE_SECONDS, 1 s here, in real time: the deadline is
 * Vert.x's timer): a connection that sends nothing, one whose request headers never end (slowloris), and kept-alive
 * ones that send no second request (after a JSON answer, after a whole page) are closed, long before the 30 s
 * read-idle timeout would; a WebSocket that completed its upgrade stays open.
 */
@Tag("slow")
class HandshakeDeadlineTest {

    @RegisterExtension
    final TestServer server = TestServer.start(Map.of("QUIZROOM_HANDSHAKE_SECONDS", "1"));
    private final List<Socket> raw = new ArrayList<>();

    @AfterEach
    void closeRaw() throws IOException {
        for (Socket s : raw) {
            s.close();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port), 5_000);
        s.setSoTimeout(10_000);
        raw.add(s);
        return s;
    }

    /** Reads until the server closes the connection; returns what it sent. Fails if it stays open 10 s. */
    private static String readToClose(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder got = new StringBuilder();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) != -1; ) {
            got.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return got.toString();
    }

    @Test
    void connectionsThatSendNoWholeRequestInTimeAreClosedWhileWebSocketsStay() throws IOException {
        HostedGame game = HostedGame.create(server, new JsonObject().put("bankId", "lenin-enrolment"));
        WsClient ana = game.join("Ana");

        Socket silent = connect();
        Socket slowloris = connect();
        slowloris.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a".getBytes(
                StandardCharsets.US_ASCII));
        Socket keptAlive = connect();
        keptAlive.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII));
        Socket page = connect();
        page.getOutputStream().write("GET /host HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII));

        assertEquals("", readToClose(silent), "nothing sent, nothing answered: closed");
        assertEquals("", readToClose(slowloris), "headers that never end: closed without an answer");
        String answered = readToClose(keptAlive);
        assertTrue(answered.startsWith("HTTP/1.1 200"), "the whole request was answered: " + answered);
        assertTrue(answered.contains("\"status\":\"ok\""), answered);
        String html = readToClose(page);
        assertTrue(html.startsWith("HTTP/1.1 200") && html.contains("</html>"), "a whole page, then closed: " + html);

        // The game's WebSockets, older than the deadline, are still there and working.
        ana.sync();
        game.host().sync();
        assertFalse(ana.isClosed());
        assertEquals(4.0, server.metric("quizroom_connections_refused_total"), "four closed for no request in time");
    }
}
