package app.quizroom.transport;

import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.ErrorCode;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a WebSocket's messages frame by frame, as RFC 6455 wants them read: a text message must be valid UTF-8
 * (checked as its fragments arrive, so a bad one fails at once, with 1007), a message may not grow past the size
 * limit (1009), and a frame Netty's decoder refuses closes with the code it gives (1002 for a protocol error).
 * Vert.x's own text handler would turn bad UTF-8 into U+FFFD instead, and close every failure alike.
 */
public final class TextMessages {

    /** What the reader tells its owner. */
    public interface Listener {
        void text(String message);

        /** A whole binary message arrived (the quiz speaks text only). */
        void binary(Buffer message);

        /** The socket is closed for breaking the protocol; {@code reason}, an {@link ErrorCode}, is for metrics. */
        void refused(String reason);

        /** A ping arrived (Vert.x answers it with a pong by itself). */
        default void ping() {
        }
    }

    private final ServerWebSocket socket;
    private final int maxBytes;
    private final Listener listener;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Made at the first text message: a socket that sends none (most are idle most of the time) costs less. */
    private CharsetDecoder decoder;
    private StringBuilder text;
    /** The bytes of a character split between two fragments ({@link #EMPTY} when none). */
    private ByteBuffer carry = EMPTY;
    private Buffer binary;
    private int size;

    private TextMessages(ServerWebSocket socket, int maxBytes, Listener listener) {
        this.socket = socket;
        this.maxBytes = maxBytes;
        this.listener = listener;
    }

    /** Installs the reader on a socket (its frame and exception handlers). */
    public static void install(ServerWebSocket socket, int maxBytes, Listener listener) {
        TextMessages reader = new TextMessages(socket, maxBytes, listener);
        socket.frameHandler(reader::frame);
        socket.exceptionHandler(reader::failed);
    }

    private void frame(WebSocketFrame frame) {
        switch (frame.type()) {
            case TEXT -> {
                if (text != null || binary != null) {
                    refuse(CloseCode.PROTOCOL_ERROR, ErrorCode.BAD_FRAME, "new message inside a fragmented one");
                    return;
                }
                text = new StringBuilder();
                if (decoder == null) {
                    decoder = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                } else {
                    decoder.reset();
                }
                carry = EMPTY;
                size = 0;
                textPart(frame);
            }
            case BINARY -> {
                if (text != null || binary != null) {
                    refuse(CloseCode.PROTOCOL_ERROR, ErrorCode.BAD_FRAME, "new message inside a fragmented one");
                    return;
                }
                size = 0;
                binary = Buffer.buffer();
                binaryPart(frame);
            }
            case CONTINUATION -> {
                if (text != null) {
                    textPart(frame);
                } else if (binary != null) {
                    binaryPart(frame);
                } else {
                    refuse(CloseCode.PROTOCOL_ERROR, ErrorCode.BAD_FRAME, "continuation without a message");
                }
            }
            case PING -> listener.ping(); // answered by Vert.x itself, as are pong and close
            default -> {
                // pong and close are handled by Vert.x itself
            }
        }
    }

    private void textPart(WebSocketFrame frame) {
        byte[] bytes = frame.binaryData().getBytes();
        if (!grow(bytes.length)) {
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.length);
        if (carry.hasRemaining()) {
            in.put(carry);
        }
        in.put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        CoderResult result = decoder.decode(in, out, frame.isFinal());
        if (result.isError() || frame.isFinal() && (decoder.flush(out).isError() || in.hasRemaining())) {
            refuse(CloseCode.BAD_DATA, ErrorCode.BAD_UTF8, "text is not valid UTF-8");
            return;
        }
        text.append(out.flip());
        carry = in.hasRemaining() ? in.slice() : EMPTY; // an incomplete character waits for the next fragment
        if (frame.isFinal()) {
            String message = text.toString();
            text = null;
            listener.text(message);
        }
    }

    private void binaryPart(WebSocketFrame frame) {
        if (!grow(frame.binaryData().length())) {
            return;
        }
        binary.appendBuffer(frame.binaryData());
        if (frame.isFinal()) {
            Buffer message = binary;
            binary = null;
            listener.binary(message);
        }
    }

    private boolean grow(int bytes) {
        size += bytes;
        if (size > maxBytes) {
            refuse(CloseCode.TOO_BIG, ErrorCode.TOO_LARGE, "message too big");
            return false;
        }
        return true;
    }

    private void failed(Throwable failure) {
        CloseCode code = closeCodeFor(failure);
        if (code == CloseCode.TOO_BIG) {
            refuse(code, ErrorCode.TOO_LARGE, "message too big");
        } else if (code != null) {
            refuse(code, ErrorCode.BAD_FRAME, "protocol error");
        }
    }

    private void refuse(CloseCode code, ErrorCode reason, String text) {
        this.text = null;
        binary = null;
        if (!socket.isClosed()) {
            listener.refused(reason.wire());
            socket.close(code.code(), text);
        }
    }

    /**
     * The close code for a failure Vert.x reports on a socket: Netty's frame decoder says which (1002 for a
     * reserved bit, opcode or bad fragmentation, 1007 for bad UTF-8, 1009 for a frame over the limit; a code of its
     * own the server does not know counts as a protocol error); Vert.x's own size check fails with an
     * IllegalStateException (1009). Null for a connection that failed underneath (nothing to send).
     */
    static CloseCode closeCodeFor(Throwable failure) {
        if (failure instanceof CorruptedWebSocketFrameException corrupted) {
            CloseCode code = CloseCode.of(corrupted.closeStatus().code());
            return code != null ? code : CloseCode.PROTOCOL_ERROR;
        }
        if (failure instanceof IllegalStateException) {
            return CloseCode.TOO_BIG;
        }
        if (failure instanceof HttpClosedException || failure instanceof IOException) {
            return null;
        }
        return CloseCode.UNEXPECTED;
    }
}
