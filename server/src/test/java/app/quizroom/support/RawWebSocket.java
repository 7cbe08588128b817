package app.quizroom.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client written on a plain TCP socket, for tests that need what a well-behaved client library will
 * not do: offer extensions it cannot speak, set reserved bits, send odd frames, or stop reading altogether.
 * Frames it sends are masked, as RFC 6455 requires of clients. Not thread-safe; one test thread drives it.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int OP_CONTINUATION = 0x0;
    public static final int OP_TEXT = 0x1;
    public static final int OP_BINARY = 0x2;
    public static final int OP_CLOSE = 0x8;
    public static final int OP_PING = 0x9;
    public static final int OP_PONG = 0xA;

    /** The server's answer to the upgrade request. */
    public record Handshake(int status, Map<String, String> headers) {
        /** A header by name, case-insensitively; null if absent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One frame as received (server frames are not masked). */
    public record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame; 1005 (none given) when the payload is empty. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    public final Handshake handshake;
    /** Text frames read while waiting for another type, not yet taken. */
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    private RawWebSocket(Socket socket, Handshake handshake) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.handshake = handshake;
    }

    /**
     * Opens a TCP connection to 127.0.0.1 and sends the upgrade request for {@code path} with the extra headers
     * given. {@code receiveBuffer} > 0 shrinks the socket's receive buffer (set before connecting, so that the
     * TCP window stays small), for clients meant to fall behind.
     */
    public static RawWebSocket connect(int port, String path, Map<String, String> extraHeaders, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        Handshake handshake = readHandshake(socket.getInputStream());
        return new RawWebSocket(socket, handshake);
    }

    public static RawWebSocket connect(int port) throws IOException {
        return connect(port, "/ws", Map.of(), 0);
    }

    /** Reads the status line and headers, byte by byte, so that no frame byte after them is consumed. */
    private static Handshake readHandshake(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake: " + head);
            }
            head.write(b);
            last4 = (last4 << 8) | b;
            if (head.size() > 64 * 1024) {
                throw new IOException("handshake response too long");
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Handshake(Integer.parseInt(status[1]), headers);
    }

    /** Sends one masked frame. {@code rsv} holds the three reserved bits (0b100 is RSV1, "compressed"). */
    public void sendFrame(boolean fin, int rsv, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | ((rsv & 0x7) << 4) | (opcode & 0xf));
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.write(masked);
        out.write(frame.toByteArray());
        out.flush();
    }

    public void sendText(String text) throws IOException {
        sendFrame(true, 0, OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendClose(int code) throws IOException {
        sendFrame(true, 0, OP_CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
    }

    /**
     * Reads the next frame, waiting at most {@code timeoutMs}; null on timeout. Throws {@link EOFException} when
     * the server has closed the TCP connection.
     */
    public Frame readFrame(long timeoutMs) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeoutMs));
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (first < 0) {
            throw new EOFException("the server closed the connection");
        }
        socket.setSoTimeout(10_000);
        int second = readByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        if (length > 16 * 1024 * 1024) {
            throw new IOException("frame of " + length + " bytes; refusing to buffer it");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("connection closed inside a frame");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame((first & 0x80) != 0, (first >>> 4) & 0x7, first & 0xf, payload);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed inside a frame");
        }
        return b;
    }

    /**
     * Reads (and discards) frames until the server's close frame or the end of the connection, for at most
     * {@code timeoutMs}. Returns the close code, 1006 if the connection ended without a close frame (or was
     * reset), or -1 if it is still open at the deadline.
     */
    public int awaitClose(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return -1;
                }
                Frame frame = readFrame(left);
                if (frame != null && frame.opcode() == OP_CLOSE) {
                    return frame.closeCode();
                }
            }
        } catch (IOException e) {
            return 1006;
        }
    }

    /**
     * Returns the first text frame whose JSON {@code type} is the one given: one received earlier and not yet
     * taken, or the next to arrive (others are kept for later calls); fails after {@code timeoutMs}.
     */
    public String awaitText(String type, long timeoutMs) throws IOException {
        String marker = "\"type\":\"" + type + "\"";
        for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
            String earlier = it.next();
            if (earlier.contains(marker)) {
                it.remove();
                return earlier;
            }
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no '" + type + "' frame within " + timeoutMs + " ms; kept: " + pending);
            }
            Frame frame = readFrame(left);
            if (frame == null) {
                continue;
            }
            if (frame.opcode() == OP_CLOSE) {
                throw new AssertionError("closed with " + frame.closeCode() + " while waiting for '" + type + "'");
            }
            if (frame.opcode() == OP_TEXT) {
                if (frame.text().contains(marker)) {
                    return frame.text();
                }
                pending.add(frame.text());
            }
        }
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
