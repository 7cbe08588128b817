package app.quizroom.cluster;

import app.quizroom.config.ClusterConfig;
import app.quizroom.metrics.ClusterMetrics;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This node's membership of the cluster: the Hazelcast cluster manager Vert.x is built with, the event bus's own
 * address, the member count, and the count of Quizroom's bus messages (addresses under {@value #ADDRESS_PREFIX}).
 */
public final class ClusterNode {

    /** Every bus address Quizroom uses starts with this; Vert.x's own traffic is not counted. */
    public static final String ADDRESS_PREFIX = "quizroom.";
    /** The member attribute under which Vert.x's Hazelcast cluster manager keeps each member's node id. */
    private static final String VERTX_NODE_ID = "__vertx.nodeId";

    private final ClusterConfig config;
    private final HazelcastClusterManager manager;

    public ClusterNode(ClusterConfig config) {
        this.config = config;
        this.manager = new HazelcastClusterManager(HazelcastSetup.of(config));
    }

    /** Builds a clustered Vert.x: completes once this node has joined (or, alone, formed) the cluster. */
    public Future<Vertx> build(VertxBuilder builder) {
        return builder.withClusterManager(manager).buildClustered();
    }

    /** The event bus listens on the cluster address, on QUIZROOM_CLUSTER_BUS_PORT (0: a free port). */
    public EventBusOptions eventBusOptions() {
        return new EventBusOptions().setHost(config.host()).setPort(config.busPort())
                .setClusterPublicHost(config.host());
    }

    /** Counts the messages this node sends and receives on Quizroom's addresses. */
    public void countBusMessages(Vertx vertx, ClusterMetrics metrics) {
        vertx.eventBus().addOutboundInterceptor(delivery -> {
            if (delivery.message().address().startsWith(ADDRESS_PREFIX)) {
                metrics.busSent();
            }
            delivery.next();
        });
        vertx.eventBus().addInboundInterceptor(delivery -> {
            if (delivery.message().address().startsWith(ADDRESS_PREFIX)) {
                metrics.busReceived();
            }
            delivery.next();
        });
    }

    /** True while this node is a member of the cluster. */
    public boolean joined() {
        return manager.isActive() && manager.getHazelcastInstance() != null
                && manager.getHazelcastInstance().getLifecycleService().isRunning();
    }

    /** The members this node sees, itself included; 0 when it is not in the cluster. */
    public int members() {
        return joined() ? manager.getHazelcastInstance().getCluster().getMembers().size() : 0;
    }

    /** Whether a node of this name (QUIZROOM_NODE_NAME) is a member of the cluster as this node sees it. */
    public boolean isMember(String nodeName) {
        return joined() && manager.getHazelcastInstance().getCluster().getMembers().stream()
                .anyMatch(m -> nodeName.equals(m.getAttribute(HazelcastSetup.NODE_ATTRIBUTE)));
    }

    /** The node names (QUIZROOM_NODE_NAME) of the members this node sees, itself included; empty when out. */
    public List<String> memberNames() {
        if (!joined()) {
            return List.of();
        }
        return manager.getHazelcastInstance().getCluster().getMembers().stream()
                .map(m -> m.getAttribute(HazelcastSetup.NODE_ATTRIBUTE)).filter(Objects::nonNull).sorted().toList();
    }

    /** This member's id in the cluster (the one {@link #onMemberLeft} reports). */
    public String nodeId() {
        return manager.getNodeId();
    }

    /** Calls {@code left} with the node name of each member that leaves the cluster (on Hazelcast's event thread). */
    public void onNodeLeft(Consumer<String> left) {
        onRemoved(HazelcastSetup.NODE_ATTRIBUTE, left);
    }

    /**
     * Calls {@code left} with the id of each member that leaves the cluster (on Hazelcast's event thread). Through
     * Hazelcast itself: Vert.x keeps the cluster manager's one node listener for its own use.
     */
    public void onMemberLeft(Consumer<String> left) {
        onRemoved(VERTX_NODE_ID, left);
    }

    /** Calls {@code left} with the given attribute of each member that leaves, when it has one. */
    private void onRemoved(String attribute, Consumer<String> left) {
        manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String value = event.getMember().getAttribute(attribute);
                if (value != null) {
                    left.accept(value);
                }
            }
        });
    }

    public String name() {
        return config.nodeName();
    }
}
