package app.quizroom.transport;

import app.quizroom.config.Limits;
import app.quizroom.game.Link;
import app.quizroom.game.SharedFrame;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

import java.security.SecureRandom;

/**
 * A game {@link Link} over one server WebSocket. Writes are safe from any thread: each is made on the socket's own
 * event loop, in the order sent.
 *
 * <p>A client that stops reading cannot grow the server's memory without bound or slow anyone else: once its
 * write queue is full, messages that a newer one replaces are dropped; the others are kept, but if the queue does
 * not drain within the grace period, or too many messages pile up, the socket is closed (its seat stays, so the
 * phone can resume with a fresh snapshot).
 *
 * <p>Why writes hop to the socket's loop: a room runs on another loop, and Vert.x 5 hands a write from a foreign
 * thread to the socket through a queue whose high-water mark is 16 <em>messages</em>
 * ({@code MessagePassingQueue.DEFAULT_HIGH_WATER_MARK}), whatever the write-queue size in bytes. A projector sent
 * one {@code playerJoined} per join then looked "full" after 16 joins in a burst, and 64 more closed it as too
 * slow (4003) during mass joins. Written from its own loop, a socket counts as full only when
 * QUIZROOM_WRITE_QUEUE_BYTES are really waiting for the peer.
 *
 * <p>A peer that keeps sending but never reads fills the kernel's buffers (megabytes on loopback) long before the
 * write queue counts as full. So the link also asks: after {@link Limits#READ_PROBE_AFTER} messages in, it pings
 * the peer with a random payload, which only a peer that reads everything sent before it can echo in a pong; when
 * {@link Limits#READ_PROBE_MAX_UNANSWERED} more messages arrive first, the peer is not reading and is closed as too
 * slow, whatever the buffers hold.
 *
 * <p>It runs a little over 300 lines on purpose: the write path and both slow-reader defences share the socket's
 * state and its loop, and read best together.
 */
final class SocketLink implements Link {

    /** Messages written past a full queue before the socket is closed at once. */
    static final int MAX_BACKLOG = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the edge does with the room's verdicts on this connection; called on the socket's own loop. */
    interface Verdicts {
        void joinRefused();

        void wrongGuess();
    }

    private final ServerWebSocket socket;
    /** The socket's own event loop, where every write is made. */
    private final Context context;
    private final Thread loop;
    /** How writes from other threads reach {@link #loop}, shared by every socket of that loop. */
    private final LoopWrites writes;
    /** Frames up to this size go out whole; a longer text is split as {@code writeTextMessage} splits it. */
    private final int maxFrameBytes;
    private final Vertx vertx;
    private final long graceMs;
    private final ServerMetrics metrics;
    private volatile boolean seated;
    /**
     * Set once this link has given up on the socket. Vert.x's {@code isClosed()} stays false until the close
     * handshake completes, which it never does with a peer that does not read (the close frame waits behind the
     * full queue); without this flag every later write would still be queued.
     */
    private volatile boolean closing;
    private int backlog;
    private long graceTimer = -1;
    private final String address;
    private final Verdicts verdicts;
    // The read probe, on the socket's loop only: messages in since the last answered probe, the payload of the
    // probe awaiting its pong (null when none), and the messages in since that probe went out.
    private int sinceProbe;
    private Buffer probe;
    private int unanswered;

    /** Must be called on the socket's own event loop (the WebSocket handler). */
    SocketLink(ServerWebSocket socket, Vertx vertx, long graceMs, int writeQueueBytes, int maxFrameBytes,
               ServerMetrics metrics, String address, Verdicts verdicts) {
        this.socket = socket;
        this.context = vertx.getOrCreateContext();
        this.loop = Thread.currentThread();
        this.writes = LoopWrites.of(context);
        this.maxFrameBytes = maxFrameBytes;
        this.vertx = vertx;
        this.graceMs = graceMs;
        this.metrics = metrics;
        this.address = address;
        this.verdicts = verdicts;
        socket.setWriteQueueMaxSize(writeQueueBytes);
        socket.pongHandler(this::pong);
    }

    /**
     * A message (or a ping) arrived; called on the socket's loop. False once the peer has shown that it sends
     * without reading: the socket is then being closed, and the message should be dropped.
     */
    boolean received() {
        if (closing) {
            return false;
        }
        if (probe != null) {
            if (++unanswered >= Limits.READ_PROBE_MAX_UNANSWERED) {
                synchronized (this) {
                    closeTooSlow();
                }
                return false;
            }
        } else if (++sinceProbe >= Limits.READ_PROBE_AFTER) {
            byte[] payload = new byte[8];
            RANDOM.nextBytes(payload);
            probe = Buffer.buffer(payload);
            unanswered = 0;
            socket.writePing(probe.copy());
        }
        return true;
    }

    private void pong(Buffer data) {
        if (probe != null && probe.equals(data)) {
            probe = null;
            sinceProbe = 0;
        }
    }

    @Override
    public void send(ServerMessage message) {
        sendEncoded(Codec.encode(message));
    }

    @Override
    public boolean sendsFromAnyThread() {
        return true;
    }

    @Override
    public void sendEncoded(String json) {
        onLoop(() -> write(json));
    }

    @Override
    public void sendShared(SharedFrame frame) {
        onLoop(() -> writeShared(frame));
    }

    @Override
    public void sendDroppable(ServerMessage message) {
        if (closing) {
            return;
        }
        String json = Codec.encode(message);
        onLoop(() -> {
            if (socket.writeQueueFull()) {
                metrics.droppedForSlowClient();
                return;
            }
            write(json);
        });
    }

    /** Runs a write on the socket's loop: at once if already there, else behind the writes handed over before. */
    private void onLoop(Runnable write) {
        if (Thread.currentThread() == loop) {
            write.run();
        } else {
            writes.post(write);
        }
    }

    private void write(String json) {
        if (closing || socket.isClosed()) {
            return;
        }
        socket.writeTextMessage(json);
        if (socket.writeQueueFull()) {
            fallingBehind();
        }
    }

    /**
     * The frame's bytes, wrapped (not copied) for this socket: the same text frame {@code writeTextMessage} would
     * write, without encoding the text again. Vert.x has no public call that writes a text frame from bytes, hence
     * its frame class; a text longer than one frame goes the usual way, to be split as before.
     */
    private void writeShared(SharedFrame frame) {
        byte[] bytes = frame.utf8();
        if (bytes.length > maxFrameBytes) {
            write(frame.json());
            return;
        }
        if (closing || socket.isClosed()) {
            return;
        }
        socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(bytes), true));
        if (socket.writeQueueFull()) {
            fallingBehind();
        }
    }

    private synchronized void fallingBehind() {
        backlog++;
        if (backlog > MAX_BACKLOG) {
            closeTooSlow();
            return;
        }
        if (graceTimer == -1) {
            socket.drainHandler(ignored -> caughtUp());
            graceTimer = vertx.setTimer(graceMs, ignored -> {
                synchronized (this) {
                    if (graceTimer != -1) {
                        closeTooSlow();
                    }
                }
            });
        }
    }

    private synchronized void caughtUp() {
        backlog = 0;
        if (graceTimer != -1) {
            vertx.cancelTimer(graceTimer);
            graceTimer = -1;
        }
    }

    private void closeTooSlow() {
        if (graceTimer != -1) {
            vertx.cancelTimer(graceTimer);
            graceTimer = -1;
        }
        if (!closing && !socket.isClosed()) {
            closing = true;
            metrics.slowClientClosed();
            // The close frame queues behind what the peer has not read; the server's write-idle timeout drops the
            // TCP connection if it never goes out (QuizServer.serverOptions), and the room then frees the seat.
            socket.close(CloseCode.TOO_SLOW.code(), "too slow; reconnect to resume");
        }
    }

    @Override
    public void seated() {
        seated = true;
    }

    /**
     * True once this link has given up on the socket or closed it: nothing more is written to it, pings
     * included, so that the server's write-idle timeout drops a peer that never completes the close handshake.
     */
    boolean isClosing() {
        return closing;
    }

    /** The heartbeat's ping, unless this link has given up on the socket; called on the socket's loop. */
    void heartbeat() {
        if (!closing && !socket.isClosed()) {
            socket.writePing(Buffer.buffer());
        }
    }

    /** The join deadline: closes the socket unless a room has given it a seat by now; on the socket's loop. */
    void closeUnseated(CloseCode code, String reason) {
        if (!seated && !socket.isClosed()) {
            socket.close(code.code(), reason);
        }
    }

    /** True once a room has given this connection a seat or the host's place. */
    boolean isSeated() {
        return seated;
    }

    @Override
    public void joinRefused() {
        onLoop(verdicts::joinRefused);
    }

    @Override
    public void wrongGuess() {
        onLoop(verdicts::wrongGuess);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void close(CloseCode code, String reason) {
        // On the socket's loop too, so that the close never overtakes a message sent just before it (kicked, finished).
        onLoop(() -> {
            if (!closing && !socket.isClosed()) {
                closing = true;
                socket.close(code.code(), reason);
            }
        });
    }
}
