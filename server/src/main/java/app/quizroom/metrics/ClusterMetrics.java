package app.quizroom.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** A cluster node's own metrics (docs/cluster.md §8); registered only in cluster mode. */
public final class ClusterMetrics {

    /** What starts a takeover (docs/cluster.md §7, §8): the tag {@value MetricNames#TAG_CAUSE} of the counter. */
    public static final List<String> TAKEOVER_CAUSES = List.of("reconnect", "successor", "planned");

    private final Counter busSent;
    private final Counter busReceived;
    private final Counter pinConflicts;
    private final Map<String, Counter> takeovers = new HashMap<>();
    private final Counter roomsMoved;

    /**
     * @param members    the members this node sees, itself included
     * @param roomsOwned the rooms this node runs
     */
    public ClusterMetrics(MeterRegistry registry, IntSupplier members, IntSupplier roomsOwned) {
        Gauge.builder(MetricNames.CLUSTER_MEMBERS, members::getAsInt)
                .description("Cluster members this node sees, itself included").register(registry);
        Gauge.builder(MetricNames.CLUSTER_ROOMS_OWNED, roomsOwned::getAsInt)
                .description("Rooms this node owns (runs)").register(registry);
        busSent = Counter.builder(MetricNames.CLUSTER_BUS_SENT)
                .description("Messages this node sent on Quizroom's event-bus addresses").register(registry);
        busReceived = Counter.builder(MetricNames.CLUSTER_BUS_RECEIVED)
                .description("Messages this node received on Quizroom's event-bus addresses").register(registry);
        pinConflicts = Counter.builder(MetricNames.CLUSTER_PIN_CONFLICTS)
                .description("PINs this node drew that another node already held").register(registry);
        for (String cause : TAKEOVER_CAUSES) {
            takeovers.put(cause, Counter.builder(MetricNames.CLUSTER_TAKEOVERS).tag(MetricNames.TAG_CAUSE, cause)
                    .description("Rooms this node took over: after a reconnection, as the successor of a node that"
                            + " left, or handed over by a draining node").register(registry));
        }
        roomsMoved = Counter.builder(MetricNames.CLUSTER_ROOMS_MOVED)
                .description("Rooms this node gave up because another node had taken them over").register(registry);
    }

    /** @param cause one of {@link #TAKEOVER_CAUSES} */
    public void tookOver(String cause) {
        takeovers.get(cause).increment();
    }

    public void roomMoved() {
        roomsMoved.increment();
    }

    /** Cluster mode on PostgreSQL: the rooms other nodes own that this node serves connections for. */
    public static void edgeRooms(MeterRegistry registry, IntSupplier rooms) {
        Gauge.builder(MetricNames.CLUSTER_ROOMS_EDGE, rooms::getAsInt)
                .description("Rooms other nodes own that this node serves connections for").register(registry);
    }

    public void busSent() {
        busSent.increment();
    }

    public void busReceived() {
        busReceived.increment();
    }

    public void pinConflict() {
        pinConflicts.increment();
    }
}
