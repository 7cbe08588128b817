package app.quizroom.transport;

import app.quizroom.config.Config;
import app.quizroom.config.Limits;
import app.quizroom.support.Clock;
import app.quizroom.support.Scheduler;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.CloseCode;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.function.BooleanSupplier;

/**
 * The WebSocket edge: decodes each frame once, answers protocol errors itself, and hands valid messages to the
 * room they belong to, on the room's own context. Nothing thrown by a client's input gets past here. It also keeps
 * what each connection has cost: wrong guesses (see {@link GuessGuard}) and refused joins.
 */
final class Gateway {

    private final RoomRegistry rooms;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final Config config;
    private final Vertx vertx;
    private final GuessGuard guard;
    private final BooleanSupplier stopping;
    private final RoomTakeover takeover;
    /** Rooms held by other nodes of the cluster; null when the server runs alone. */
    private final Edges edges;
    /** The heartbeat's timers: the calling loop's own, in real time whatever clock the games run on. */
    private final Scheduler loopTimers;

    Gateway(RoomRegistry rooms, Clock clock, ServerMetrics metrics, Config config, Vertx vertx,
            BooleanSupplier stopping, RoomTakeover takeover, Edges edges) {
        this.rooms = rooms;
        this.takeover = takeover;
        this.edges = edges;
        this.stopping = stopping;
        this.clock = clock;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
        this.guard = new GuessGuard(clock, config.pinFailuresPerSecond(),
                () -> rooms.all().forEach(room -> room.execute(room::serverScanned)));
        this.loopTimers = (delayMs, task) -> {
            long id = vertx.setTimer(delayMs, ignored -> task.run());
            return () -> vertx.cancelTimer(id);
        };
    }

    /**
     * Per-socket state, touched only on the socket's own event loop. It is also the socket's place on the loop's
     * {@link Heartbeat} and the listener of its {@link TextMessages}, so that a connected phone costs as few objects
     * as can be (about 10,000 of them share a server).
     */
    private final class Connection extends Heartbeat.Member implements SocketLink.Verdicts, TextMessages.Listener {
        final String address;
        SocketLink link;
        Room room;
        /** Set once the connection asked for a room another node holds. */
        Edges.Session edge;
        int failedLookups;
        int refusedJoins;

        Connection(String address) {
            this.address = address;
        }

        @Override
        public void wrongGuess() {
            countMiss(this);
        }

        @Override
        public void joinRefused() {
            // A join that takes no seat costs its sender: one that keeps sending them is cut off.
            if (!link.isSeated() && ++refusedJoins >= Limits.REFUSED_JOINS_PER_SOCKET) {
                link.close(CloseCode.POLICY, "too many refused joins");
            }
        }

        /** Heartbeat: browsers answer pings by themselves, and the server's read-idle timeout closes a silent peer. */
        @Override
        void beat() {
            link.heartbeat();
        }

        @Override
        void joinDeadline() {
            link.closeUnseated(CloseCode.POLICY, "no game joined in time");
        }

        @Override
        public void text(String message) {
            if (link.received()) {
                onText(this, message);
            }
        }

        @Override
        public void binary(Buffer message) {
            if (link.received()) {
                error(this, ErrorCode.BAD_MESSAGE, "Send text frames holding JSON.", null);
            }
        }

        @Override
        public void refused(String reason) {
            metrics.protocolError(reason);
        }

        @Override
        public void ping() {
            link.received();
        }
    }

    /**
     * Takes a new WebSocket; {@code closed} runs when it closes, however that happens (it gives the connection back
     * to the {@link ConnectionGuard}). Called on the socket's own event loop.
     */
    void handle(ServerWebSocket socket, Runnable closed) {
        LeanWebSocket.trim(socket);
        Connection connection = new Connection(socket.remoteAddress() == null ? ""
                : socket.remoteAddress().hostAddress());
        connection.link = new SocketLink(socket, vertx, config.slowClientSeconds() * 1000L, config.writeQueueBytes(),
                config.maxMessageBytes(), metrics, connection.address, connection);
        Heartbeat heartbeat = Heartbeat.of(vertx.getOrCreateContext(), this, Clock.SYSTEM, loopTimers,
                config.pingSeconds() * 1000L, config.joinTimeoutSeconds() * 1000L);
        heartbeat.add(connection);
        TextMessages.install(socket, config.maxMessageBytes(), connection);
        socket.closeHandler(ignored -> {
            closed.run();
            heartbeat.remove(connection);
            Room room = connection.room;
            if (room != null) {
                room.execute(() -> room.onClose(connection.link));
            }
            if (connection.edge != null) {
                connection.edge.closed();
            }
        });
    }

    private void onText(Connection connection, String text) {
        long arrivedAt = clock.millis();
        Codec.Decoded decoded = Codec.decode(text);
        if (decoded instanceof Codec.Failed failed) {
            metrics.protocolError(failed.error().code());
            connection.link.send(failed.error());
            return;
        }
        ClientMessage message = ((Codec.Ok) decoded).message();
        if (message instanceof ClientMessage.Ping) {
            connection.link.send(new ServerMessage.Pong());
            return;
        }
        String ref = Codec.typeOf(message);
        Room target;
        if (message instanceof ClientMessage.Hello hello) {
            String pin = hello.pin().trim();
            boolean join = hello instanceof ClientMessage.Join;
            if (join && stopping.getAsBoolean()) {
                error(connection, ErrorCode.SHUTTING_DOWN, "The server is restarting; try again in a moment.", ref);
                return;
            }
            // Before the lookup, so that a seated connection learns nothing about other PINs either.
            if (connection.link.isSeated() && !(connection.room != null ? connection.room.pin()
                    : connection.edge.pin()).equals(pin)) {
                error(connection, ErrorCode.ALREADY_JOINED, "This connection is already in another game.", ref);
                return;
            }
            if (guard.refuses(connection.address, connection.failedLookups > 0)) {
                error(connection, ErrorCode.RATE_LIMITED, "Too many wrong PINs are being tried; wait a moment.", ref);
                countMiss(connection);
                return;
            }
            target = rooms.get(pin);
            if (target == null && connection.room == null && (edges != null || takeover != RoomTakeover.NONE)) {
                // Cluster mode: another node may hold the room, or its owner may have left (docs/cluster.md §4, §7).
                reachElsewhere(connection, hello, text, pin, ref, arrivedAt);
                return;
            }
            if (target == null || join && !target.acceptsJoins()) {
                error(connection, ErrorCode.ROOM_NOT_FOUND, Room.NO_SUCH_ROOM, ref);
                countMiss(connection);
                return;
            }
            connection.room = target;
        } else {
            target = connection.room;
            if (target == null && connection.edge != null) {
                connection.edge.onMessage(message, text, arrivedAt);
                return;
            }
            if (target == null) {
                error(connection, ErrorCode.NOT_JOINED, "Join a game first.", ref);
                return;
            }
        }
        Room room = target;
        room.execute(() -> room.onMessage(connection.link, message, arrivedAt));
    }

    /**
     * A hello for a PIN this node does not hold (cluster mode). A host or rejoin may find the room's owner gone: this
     * node then takes the room over and the room gets the message; another node having taken it first closes the
     * socket so that the phone reconnects. Otherwise, while another node holds the room, this one serves the
     * connection for it as an edge; failing both, the answer is that of a PIN no game has.
     */
    private void reachElsewhere(Connection connection, ClientMessage.Hello hello, String text, String pin, String ref,
                                long arrivedAt) {
        if (hello instanceof ClientMessage.Join || takeover == RoomTakeover.NONE) {
            serveAsEdge(connection, hello, text, ref);
            return;
        }
        Context context = vertx.getOrCreateContext();
        takeover.takeOver(pin).onComplete(taken -> context.runOnContext(ignored -> {
            if (taken.failed() && taken.cause() instanceof RoomTakeover.Moved) {
                connection.link.close(CloseCode.ROOM_MOVED, "the game moved to another server; reconnect");
                return;
            }
            Room room = taken.succeeded() ? taken.result() : null;
            if (room == null) {
                serveAsEdge(connection, hello, text, ref);
                return;
            }
            connection.room = room;
            room.execute(() -> room.onMessage(connection.link, hello, arrivedAt));
        }));
    }

    /** Serves the connection for the node that holds its room, or answers as to a wrong PIN when none does. */
    private void serveAsEdge(Connection connection, ClientMessage.Hello hello, String text, String ref) {
        Runnable miss = () -> {
            error(connection, ErrorCode.ROOM_NOT_FOUND, Room.NO_SUCH_ROOM, ref);
            countMiss(connection);
        };
        if (edges == null) {
            miss.run();
            return;
        }
        connection.edge = edges.serve(connection.edge, connection.link, hello, text, miss);
    }

    /**
     * A miss, already answered: a PIN no open game has (answered as a locked room is), a token or join pattern a
     * room found wrong, or a hello refused unlooked-at. It counts against the server-wide rate and the address
     * (see {@link GuessGuard}), and a socket that keeps missing is closed.
     */
    private void countMiss(Connection connection) {
        connection.failedLookups++;
        metrics.pinFailure();
        guard.missed(connection.address);
        if (connection.failedLookups >= config.pinFailuresPerSocket()) {
            connection.link.close(CloseCode.POLICY, "too many wrong PINs");
        }
    }

    private void error(Connection connection, ErrorCode code, String message, String ref) {
        metrics.protocolError(code.wire());
        connection.link.send(new ServerMessage.Error(code, message, ref));
    }
}
