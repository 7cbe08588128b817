package app.quizroom.cluster;

import app.quizroom.game.EdgeDesk;
import app.quizroom.game.Link;
import app.quizroom.game.RoomMetrics;
import app.quizroom.game.RoomPlan;
import app.quizroom.protocol.ClientMessage;
import app.quizroom.protocol.Codec;
import app.quizroom.protocol.ErrorCode;
import app.quizroom.protocol.ServerMessage;
import app.quizroom.store.ResultStore;
import app.quizroom.transport.Edges;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * This node as an edge (docs/cluster.md §4): a hello for a PIN it does not hold is looked up in the
 * {@link PinDirectory}; if another node owns the room, this node serves the connection for it through an
 * {@link EdgeRoom}, one per room, kept while the room lasts. A PIN no node holds is a miss, as on one node.
 */
public final class EdgeNode implements Edges {

    private final LocalNode local;
    private final PinDirectory directory;
    private final ResultStore store;
    private final Supplier<Executor> loops;
    private final RoomMetrics metrics;
    /** Whether a node of this name is a member of the cluster now. */
    private final Predicate<String> isMember;
    private final Map<String, EdgeRoom> rooms = new ConcurrentHashMap<>();
    /** Each connection served here gets its own number, by which owners address it. */
    private final AtomicLong connections = new AtomicLong();

    /**
     * @param store   the database shared with the owners, where this node writes the answers it takes
     * @param loops   the room loops, each edge room pinned to the next
     * @param metrics where the answers taken here are counted
     * @param isMember whether a node of this name is a member of the cluster now
     */
    public EdgeNode(LocalNode local, PinDirectory directory, ResultStore store, Supplier<Executor> loops,
                    RoomMetrics metrics, Predicate<String> isMember) {
        this.local = local;
        this.directory = directory;
        this.store = store;
        this.loops = loops;
        this.metrics = metrics;
        this.isMember = isMember;
    }

    /** Starts taking owners' messages; completes once the address is registered across the cluster. */
    public Future<Void> start() {
        return local.vertx().eventBus().<JsonObject>consumer(EdgeBus.edgeAddress(local.self().name()), message -> {
            JsonObject body = message.body();
            EdgeRoom room = rooms.get(body.getString(EdgeBus.PIN, ""));
            // Only from the node this edge room serves: while a room moves, its old owner's last answer (away,
            // gone) may arrive once this node serves it for the new owner, and is not about that room.
            if (room != null && room.owner().equals(body.getString(EdgeBus.FROM))) {
                room.execute(() -> room.down(body));
            }
        }).completion();
    }

    @Override
    public Session serve(Session current, Link socket, ClientMessage.Hello hello, String text, Runnable miss) {
        String pin = hello.pin().trim();
        if (current instanceof Served served && served.pin().equals(pin) && served.room != null) {
            served.join = hello instanceof ClientMessage.Join;
            served.hello(text);
            return served;
        }
        if (current != null) {
            current.closed();
        }
        Served session = new Served(pin, socket, connections.incrementAndGet(), isMember);
        session.join = hello instanceof ClientMessage.Join;
        Context context = local.vertx().getOrCreateContext();
        roomOf(pin).onComplete(found -> context.runOnContext(ignored -> {
            if (found.succeeded() && found.result() != null) {
                session.attach(found.result(), text);
            } else {
                miss.run();
            }
        }));
        return session;
    }

    /** The edge room of a PIN another node owns; null when no other node does. */
    private Future<EdgeRoom> roomOf(String pin) {
        EdgeRoom known = rooms.get(pin);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return directory.owner(pin).map(owner -> {
            if (owner == null || owner.equals(local.self().name())) {
                return null; // no room, or one this node gave up: a miss either way
            }
            return rooms.computeIfAbsent(pin, p -> new EdgeRoom(p, owner, this, loops.get()));
        });
    }

    /** The rooms other nodes own that this node serves connections for. */
    public int rooms() {
        return rooms.size();
    }

    /** The room is over or gone for this node: the next hello looks its PIN up again. */
    void forget(EdgeRoom room) {
        rooms.remove(room.pin, room);
    }

    /** A cluster member left (from any thread). */
    public void memberLeft(String nodeId) {
        rooms.values().forEach(room -> room.execute(() -> room.memberLeft(nodeId, isMember.test(room.owner()))));
    }

    LocalNode local() {
        return local;
    }

    /** The answer desk of a room this node serves, writing the answers it takes into the game's shared record. */
    EdgeDesk deskFor(RoomPlan plan) {
        return new EdgeDesk(plan, store.gameOf(plan.gameId()), metrics);
    }

    /** One connection served here for a room another node holds; called on the connection's event loop. */
    private static final class Served implements Session {
        private final String pin;
        private final Link socket;
        private final long conn;
        /** Null until the PIN's owner is known. */
        private volatile EdgeRoom room;
        private volatile boolean closed;
        /** Whether the last hello was a join (no seat yet). */
        private volatile boolean join;
        private final Predicate<String> isMember;

        Served(String pin, Link socket, long conn, Predicate<String> isMember) {
            this.isMember = isMember;
            this.pin = pin;
            this.socket = socket;
            this.conn = conn;
        }

        void attach(EdgeRoom found, String text) {
            room = found;
            if (!closed) {
                hello(text);
            }
        }

        void hello(String text) {
            EdgeRoom r = room;
            r.execute(() -> {
                r.hello(conn, socket, text, join);
                // The owner may have left before this room was made (the directory still names it, and its
                // leaving was announced before this room could hear of it): nothing would answer.
                if (!isMember.test(r.owner())) {
                    r.ownerGone();
                }
            });
        }

        @Override
        public String pin() {
            return pin;
        }

        @Override
        public void onMessage(ClientMessage message, String text, long arrivedAt) {
            EdgeRoom r = room;
            if (r == null) {
                socket.send(new ServerMessage.Error(ErrorCode.NOT_JOINED, "Join a game first.",
                        Codec.typeOf(message)));
            } else if (message instanceof ClientMessage.Answer answer) {
                r.execute(() -> r.answer(conn, answer, text, arrivedAt));
            } else {
                r.execute(() -> r.command(conn, text));
            }
        }

        @Override
        public void closed() {
            closed = true;
            EdgeRoom r = room;
            if (r != null) {
                r.execute(() -> r.closed(conn));
            }
        }
    }
}
