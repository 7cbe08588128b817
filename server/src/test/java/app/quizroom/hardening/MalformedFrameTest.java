package app.quizroom.hardening;

import app.quizroom.support.RawWebSocket;
import app.quizroom.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames that break the size limit (QUIZROOM_MAX_MESSAGE_BYTES, 4096) or RFC 6455 close that socket with the right
 * code, and leave the server and everyone else alone. Written on a raw TCP socket, since a WebSocket library will
 * not send such frames.
 */
class MalformedFrameTest {

    @RegisterExtension
    final TestServer server = TestServer.start();
    private final List<RawWebSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(RawWebSocket::close);
    }

    private RawWebSocket connect() throws IOException {
        RawWebSocket ws = RawWebSocket.connect(server.port);
        sockets.add(ws);
        assertEquals(101, ws.handshake.status());
        return ws;
    }

    /** Sends, ignoring a connection the server has already dropped, and returns the close code seen. */
    private static int closeCodeAfter(RawWebSocket ws, IoAction action) {
        try {
            action.run();
        } catch (IOException droppedAlready) {
            // the server may close before the whole frame is out
        }
        return ws.awaitClose(5_000);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Another socket still gets answers: the server is fine. */
    private void serverStillAnswers() throws IOException {
        RawWebSocket other = connect();
        other.sendText("{\"type\":\"ping\"}");
        other.awaitText("pong", 5_000);
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() throws IOException {
        RawWebSocket ws = connect();
        byte[] big = ("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(1009, closeCodeAfter(ws, () -> ws.sendFrame(true, 0, RawWebSocket.OP_TEXT, big)));
        serverStillAnswers();
    }

    @Test
    void aMessageOverTheLimitInSmallFragmentsClosesWith1009() throws IOException {
        RawWebSocket ws = connect();
        byte[] part = "x".repeat(1500).getBytes(StandardCharsets.UTF_8);
        assertEquals(1009, closeCodeAfter(ws, () -> {
            ws.sendFrame(false, 0, RawWebSocket.OP_TEXT, part);
            for (int i = 0; i < 4; i++) {
                ws.sendFrame(i == 3, 0, RawWebSocket.OP_CONTINUATION, part);
            }
        }));
        serverStillAnswers();
    }

    @Test
    void aBinaryFrameIsRefusedWithAnErrorAndTheSocketStaysOpen() throws IOException {
        RawWebSocket ws = connect();
        ws.sendFrame(true, 0, RawWebSocket.OP_BINARY, new byte[] {1, 2, 3});
        String error = ws.awaitText("error", 5_000);
        assertTrue(error.contains("\"code\":\"bad_message\""), error);
        ws.sendText("{\"type\":\"ping\"}");
        ws.awaitText("pong", 5_000);
    }

    @Test
    void invalidUtf8ClosesWith1007EvenSplitAcrossFragments() throws IOException {
        RawWebSocket whole = connect();
        byte[] overlong = {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}; // an overlong encoding of '/'
        assertEquals(1007, closeCodeAfter(whole, () -> whole.sendFrame(true, 0, RawWebSocket.OP_TEXT, overlong)));
        RawWebSocket split = connect();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // three bytes, split over two fragments
        assertEquals(1007, closeCodeAfter(split, () -> {
            split.sendFrame(false, 0, RawWebSocket.OP_TEXT, new byte[] {'"', euro[0], euro[1]});
            split.sendFrame(true, 0, RawWebSocket.OP_CONTINUATION, new byte[] {'"'}); // the third byte never comes
        }));
        RawWebSocket good = connect();
        good.sendFrame(false, 0, RawWebSocket.OP_TEXT, new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', euro[0]});
        good.sendFrame(true, 0, RawWebSocket.OP_CONTINUATION, new byte[] {euro[1], euro[2], '"', '}'});
        String error = good.awaitText("error", 5_000);
        assertTrue(error.contains("unknown_type"), "a character split across fragments is read whole: " + error);
        serverStillAnswers();
    }

    @Test
    void protocolViolationsCloseTheSocket() throws IOException {
        RawWebSocket rsv = connect();
        int rsvCode = closeCodeAfter(rsv, () -> rsv.sendFrame(true, 0b100, RawWebSocket.OP_TEXT, new byte[] {'{', '}'}));
        assertTrue(rsvCode != -1, "a frame with a reserved bit set closes the socket");
        RawWebSocket opcode = connect();
        int opcodeCode = closeCodeAfter(opcode, () -> opcode.sendFrame(true, 0, 0x3, new byte[] {1}));
        assertTrue(opcodeCode != -1, "a reserved opcode closes the socket");
        serverStillAnswers();
    }

    @Test
    void protocolViolationsCloseWith1002() throws IOException {
        RawWebSocket rsv = connect();
        assertEquals(1002, closeCodeAfter(rsv, () -> rsv.sendFrame(true, 0b100, RawWebSocket.OP_TEXT, new byte[] {'{', '}'})));
        RawWebSocket opcode = connect();
        assertEquals(1002, closeCodeAfter(opcode, () -> opcode.sendFrame(true, 0, 0x3, new byte[] {1})));
        RawWebSocket continuation = connect();
        assertEquals(1002, closeCodeAfter(continuation,
                () -> continuation.sendFrame(true, 0, RawWebSocket.OP_CONTINUATION, new byte[] {'x'})));
        serverStillAnswers();
    }
}
