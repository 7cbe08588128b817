package app.quizroom.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bus protocol between a room's owner and the nodes serving its players as edges (docs/cluster.md §5): the
 * addresses, and the fields of its messages. Every message is a JSON object naming its room ({@value #PIN}) and
 * carrying a list of operations ({@value #OPS}), each a JSON object whose {@value #KIND} says what it is; a batch of
 * answers carries them instead ({@value #ANSWERS}).
 *
 * <p>Owner to edge, on the edge node's address, one message per node and per task of the room (everything one
 * command, answer batch or timer makes the room send): {@code plan} (the {@code RoomPlan}, once), {@code moved}
 * (where the game is: question, phase, paused, remaining time), {@code frame} (one encoded frame and the edge
 * connections it goes to), {@code seated}, {@code close}, {@code refused} and {@code guess} (a connection's verdicts),
 * {@code gone} (no such room here).
 *
 * <p>Edge to owner, on the owner node's address: {@code up} batches (hellos, relayed commands, closed connections,
 * gathered for {@value #UP_WINDOW_MS} ms), per question one {@code answers} message, and while
 * answers come in, the edge's running count of them ({@value #COUNT}) with the players who gave them
 * ({@value #PLAYERS}), at most every {@value #COUNT_INTERVAL_MS} ms.
 */
final class EdgeBus {

    /** How long an edge gathers hellos, commands and closes before it sends them to the owner in one message. */
    static final long UP_WINDOW_MS = 20;

    static final String PIN = "pin";
    static final String FROM = "from";
    static final String FROM_ID = "fromId";
    /** On an {@code up} batch: the edge room has no plan yet (it was made again); the owner sends it. */
    static final String NEED_PLAN = "needPlan";
    static final String OPS = "ops";
    static final String KIND = "k";
    static final String CONN = "c";
    static final String CONNS = "cs";
    static final String TEXT = "t";
    static final String JSON = "j";
    static final String ADDRESS = "a";
    static final String PLAYER = "p";
    static final String QUESTION = "q";
    static final String PHASE = "ph";
    static final String PAUSED = "pa";
    static final String REMAINING = "rm";
    static final String CODE = "code";
    static final String REASON = "why";
    static final String ANSWERS = "ans";
    static final String MS = "ms";
    static final String COUNT = "n";
    static final String PLAYERS = "ps";
    /** An edge sends its running count of answers to the open question at most this often. */
    static final long COUNT_INTERVAL_MS = 200;

    /** What an operation from a room's owner to an edge does ({@value #KIND}: its name in lower case). */
    enum Down {
        PLAN, MOVED, FRAME, SEATED, CLOSE, REFUSED, GUESS, GONE,
        /** The owner no longer holds the room because it hands it, or handed it, to another node (§8). */
        AWAY;

        private static final Map<String, Down> BY_WIRE = byWire(values());
        private final String wire = wire(this);

        /** The kind of an operation; null for one this version does not know. */
        static Down of(JsonObject op) {
            return BY_WIRE.get(op.getString(KIND, ""));
        }
    }

    /** What an operation from an edge to a room's owner does ({@value #KIND}: its name in lower case). */
    enum Up {
        HELLO, COMMAND, CLOSED;

        private static final Map<String, Up> BY_WIRE = byWire(values());
        private final String wire = wire(this);

        /** The kind of an operation; null for one this version does not know. */
        static Up of(JsonObject op) {
            return BY_WIRE.get(op.getString(KIND, ""));
        }
    }

    private EdgeBus() {
    }

    /** Where a node receives what owners send it as an edge. */
    static String edgeAddress(String node) {
        return ClusterNode.ADDRESS_PREFIX + "edge." + node;
    }

    /** Where a node receives what edges send it as the owner of rooms. */
    static String ownerAddress(String node) {
        return ClusterNode.ADDRESS_PREFIX + "owner." + node;
    }

    static JsonObject op(Down kind) {
        return new JsonObject().put(KIND, kind.wire);
    }

    static JsonObject op(Up kind) {
        return new JsonObject().put(KIND, kind.wire);
    }

    /** An operation kind's name on the wire: its name in lower case. */
    private static String wire(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static <K extends Enum<K>> Map<String, K> byWire(K[] kinds) {
        Map<String, K> map = new HashMap<>();
        for (K kind : kinds) {
            map.put(wire(kind), kind);
        }
        return Map.copyOf(map);
    }

    /** A message about the room of {@code pin}, from {@code from}; the caller adds what it carries. */
    static JsonObject from(String pin, Member from) {
        return new JsonObject().put(PIN, pin).put(FROM, from.name()).put(FROM_ID, from.id());
    }

    static JsonObject message(String pin, Member from, JsonArray ops) {
        return from(pin, from).put(OPS, ops);
    }

    /** Who sent a message. */
    static Member sender(JsonObject message) {
        return new Member(message.getString(FROM), message.getString(FROM_ID));
    }
}
