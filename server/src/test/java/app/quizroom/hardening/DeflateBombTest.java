package app.quizroom.hardening;

import app.quizroom.bank.BankLoader;
import app.quizroom.bank.Question;
import app.quizroom.support.RawWebSocket;
import app.quizroom.support.ServerProcess;
import app.quizroom.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deflate bomb against a server with a small heap (a JVM of its own, {@code -Xmx64m}): the client offers
 * permessage-deflate, the server negotiates no extension, and a "compressed" frame (RSV1 set) holding a small
 * deflate stream that would inflate to 40 MB is a protocol error that closes the socket. The server stays up:
 * {@code /health} answers and a new game is played.
 */
@Tag("slow")
class DeflateBombTest {

    private static ServerProcess server;
    private final List<RawWebSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), Map.of());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(RawWebSocket::close);
    }

    private RawWebSocket connect(Map<String, String> headers) throws IOException {
        RawWebSocket ws = RawWebSocket.connect(server.port(), "/ws", headers, 0);
        sockets.add(ws);
        return ws;
    }

    /** A raw deflate stream (no zlib header, sync-flushed, trailer removed as RFC 7692 says) of {@code size} zeros. */
    static byte[] deflatedZeros(int size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int fed = 0; fed < size; fed += zeros.length) {
            deflater.setInput(zeros, 0, Math.min(zeros.length, size - fed));
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
            }
        }
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        byte[] stream = out.toByteArray();
        return Arrays.copyOf(stream, stream.length - 4); // drop 00 00 ff ff
    }

    @Test
    void aDeflateBombIsRefusedAndTheSmallHeapServerStaysUp() throws Exception {
        RawWebSocket ws = connect(Map.of("Sec-WebSocket-Extensions",
                "permessage-deflate; client_max_window_bits, x-webkit-deflate-frame"));
        assertEquals(101, ws.handshake.status());
        assertNull(ws.handshake.header("Sec-WebSocket-Extensions"), "no compression is negotiated");

        byte[] bomb = deflatedZeros(40 * 1024 * 1024);
        assertTrue(bomb.length < 64 * 1024, "the bomb is small: " + bomb.length + " bytes");
        // First fragment marked compressed (RSV1), under the frame limit; the rest follow as continuations for as
        // long as the server keeps reading.
        int chunk = 4000;
        int sent = 0;
        try {
            ws.sendFrame(false, 0b100, RawWebSocket.OP_TEXT, Arrays.copyOfRange(bomb, 0, chunk));
            sent = chunk;
            while (sent < bomb.length) {
                int end = Math.min(bomb.length, sent + chunk);
                ws.sendFrame(end == bomb.length, 0, RawWebSocket.OP_CONTINUATION, Arrays.copyOfRange(bomb, sent, end));
                sent = end;
            }
        } catch (IOException closedUnderUs) {
            // the server dropped the connection while the bomb was still going out: that is the point
        }
        int code = ws.awaitClose(10_000);
        // RFC 6455 wants 1002 here; the server answers 1009 today (MalformedFrameTest#protocolViolationsCloseWith1002).
        assertTrue(code == 1002 || code == 1009 || code == 1006, "the socket is closed at once; got " + code);

        // Still alive and well.
        assertTrue(server.isAlive(), "the server process survived:\n" + server.logTail());
        assertEquals(200, server.get("/health").statusCode());
        playAShortGame();
    }

    @Test
    void aSingleCompressedFrameIsAProtocolErrorToo() throws Exception {
        RawWebSocket ws = connect(Map.of("Sec-WebSocket-Extensions", "permessage-deflate"));
        assertNull(ws.handshake.header("Sec-WebSocket-Extensions"));
        byte[] small = deflatedZeros(3 * 1024 * 1024);
        assertTrue(small.length < 4096, small.length + " bytes");
        try {
            ws.sendFrame(true, 0b100, RawWebSocket.OP_TEXT, small);
        } catch (IOException closedUnderUs) {
            // fine
        }
        int code = ws.awaitClose(10_000);
        assertTrue(code == 1002 || code == 1009 || code == 1006, "the socket is closed at once; got " + code);
        assertEquals(200, server.get("/health").statusCode());
    }

    /** Creates a game over HTTP and plays one question with one phone, over raw sockets. */
    private void playAShortGame() throws IOException {
        HttpResponse<String> created = server.post("/api/games",
                new JsonObject().put("bankId", "lenin-enrolment").put("readingSeconds", 0).encode());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject game = new JsonObject(created.body());
        String pin = game.getString("pin");
        RawWebSocket host = connect(Map.of());
        host.sendText(new JsonObject().put("type", "host").put("pin", pin).put("hostToken", game.getString("hostToken"))
                .encode());
        host.awaitText("lobby", 5_000);
        RawWebSocket phone = connect(Map.of());
        phone.sendText(new JsonObject().put("type", "join").put("pin", pin).put("name", "Survivor").encode());
        phone.awaitText("joined", 5_000);
        host.sendText("{\"type\":\"start\"}");
        JsonObject question = new JsonObject(phone.awaitText("question", 5_000));
        phone.awaitText("answering", 5_000);
        // The tiles are shuffled: find the one showing the bank's right answer.
        Question first = BankLoader.loadFolder(TestServer.projectRoot().resolve("questions")).banks().stream()
                .filter(b -> b.id().equals("lenin-enrolment")).findFirst().orElseThrow().questions().get(0);
        int right = question.getJsonArray("options")
                .getList().indexOf(first.options().get(first.correct().iterator().next()).text());
        phone.sendText("{\"type\":\"answer\",\"question\":0,\"option\":" + right + ",\"nonce\":\"s0\"}");
        phone.awaitText("answerAck", 5_000);
        String result = phone.awaitText("result", 5_000);
        assertTrue(new JsonObject(result).getBoolean("correct"), result);
        host.awaitText("reveal", 5_000);
    }
}
