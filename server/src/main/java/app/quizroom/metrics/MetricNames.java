package app.quizroom.metrics;

/** Every metric name the server publishes, in one place. Prometheus shows dots as underscores. */
public final class MetricNames {
    public static final String ROOMS_LIVE = "quizroom.rooms.live";
    public static final String PLAYERS_CONNECTED = "quizroom.players.connected";
    public static final String ANSWERS_ACCEPTED = "quizroom.answers.accepted";
    public static final String ANSWERS_REFUSED = "quizroom.answers.refused";
    public static final String ANSWER_HANDLING = "quizroom.answer.handling";
    /** From an answer's arrival to its acknowledgement going to the phone's socket, once it is on disk. */
    public static final String ANSWER_ACKNOWLEDGED = "quizroom.answer.acknowledged";
    public static final String BROADCAST_FANOUT = "quizroom.broadcast.fanout";
    public static final String PROTOCOL_ERRORS = "quizroom.protocol.errors";
    public static final String PIN_FAILURES = "quizroom.pin.failures";
    public static final String SLOW_CLIENT_DROPS = "quizroom.slow.dropped";
    public static final String SLOW_CLIENT_CLOSES = "quizroom.slow.closed";
    public static final String CONNECTIONS_OPEN = "quizroom.connections.open";
    public static final String CONNECTIONS_REFUSED = "quizroom.connections.refused";
    public static final String TAG_REASON = "reason";
    /** Cluster takeovers: what started each one ({@code reconnect}, {@code successor}, {@code planned}). */
    public static final String TAG_CAUSE = "cause";
    /** Cluster mode: every series carries the node's name (QUIZROOM_NODE_NAME) under this tag. */
    public static final String TAG_NODE = "node";
    public static final String CLUSTER_MEMBERS = "quizroom.cluster.members";
    public static final String CLUSTER_ROOMS_OWNED = "quizroom.cluster.rooms.owned";
    public static final String CLUSTER_ROOMS_EDGE = "quizroom.cluster.rooms.edge";
    public static final String CLUSTER_BUS_SENT = "quizroom.cluster.bus.sent";
    public static final String CLUSTER_BUS_RECEIVED = "quizroom.cluster.bus.received";
    public static final String CLUSTER_PIN_CONFLICTS = "quizroom.cluster.pin.conflicts";
    public static final String CLUSTER_TAKEOVERS = "quizroom.cluster.takeovers";
    public static final String CLUSTER_ROOMS_MOVED = "quizroom.cluster.rooms.moved";

    private MetricNames() {
    }
}
