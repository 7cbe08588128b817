package app.quizroom.server;

import app.quizroom.bank.BankLibrary;
import app.quizroom.cluster.ClusterNode;
import app.quizroom.cluster.DurablePins;
import app.quizroom.cluster.EdgeNode;
import app.quizroom.cluster.LocalNode;
import app.quizroom.cluster.Member;
import app.quizroom.cluster.OwnerRelay;
import app.quizroom.cluster.PinDirectory;
import app.quizroom.config.ClusterConfig;
import app.quizroom.game.Room;
import app.quizroom.game.RoomRegistry;
import app.quizroom.metrics.ClusterMetrics;
import app.quizroom.metrics.MetricNames;
import app.quizroom.metrics.ServerMetrics;
import app.quizroom.store.PostgresStore;
import app.quizroom.store.ResultStore;
import app.quizroom.support.Clock;
import app.quizroom.transport.Addresses;
import app.quizroom.transport.Edges;
import app.quizroom.transport.Readiness;
import app.quizroom.transport.RoomTakeover;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's part in cluster mode (docs/cluster.md), wired: the cluster node and its metrics, the PIN directory
 * and the database's guard of PINs, and on PostgreSQL the owner relay and edge node, the room keepers, the takeover,
 * the successors of a node that left and the hand-overs of a draining one.
 * Alone ({@link ClusterConfig#NONE}) each part is absent and each method does what a single server needs: nothing.
 * Created by {@link QuizServer}, which calls it in the order things start and stop.
 */
final class ClusterWiring {

    private final ClusterConfig cluster;
    private final PrometheusMeterRegistry registry;
    private final RoomRegistry rooms;
    private final OpenRooms opened;
    private final ResultStore store;
    private final Clock clock;
    /** Null when the server runs alone (no QUIZROOM_CLUSTER_MEMBERS). */
    private final ClusterNode clusterNode;
    private final DurablePins durablePins;
    private volatile PinDirectory pinDirectory;
    /** Cluster mode on PostgreSQL: this node's rooms as other nodes serve their players; else null. */
    private volatile OwnerRelay ownerRelay;
    private ClusterMetrics clusterMetrics;
    /** Cluster mode on PostgreSQL: the rooms' saved states and epoch fence; null otherwise. */
    private volatile RoomKeepers keepers;
    /** Cluster mode on PostgreSQL: hands this node's rooms to others when it drains; null otherwise. */
    private volatile Handovers handovers;

    ClusterWiring(ClusterConfig cluster, PrometheusMeterRegistry registry, RoomRegistry rooms, OpenRooms opened,
                  ResultStore store, Clock clock) {
        this.cluster = cluster;
        this.registry = registry;
        this.rooms = rooms;
        this.opened = opened;
        this.store = store;
        this.clock = clock;
        this.clusterNode = cluster.enabled() ? new ClusterNode(cluster) : null;
        // A shared database guards the cluster's PINs; one node's SQLite file cannot.
        this.durablePins = store instanceof PostgresStore postgres ? postgres.liveRooms() : DurablePins.NONE;
    }

    /** Before any meter exists: common tags apply to meters registered after them. */
    static void tagMeters(ClusterConfig cluster, PrometheusMeterRegistry registry) {
        if (cluster.enabled()) {
            registry.config().commonTags(MetricNames.TAG_NODE, cluster.nodeName());
        }
    }

    /** Cluster mode: the event bus's options, set before Vert.x is built. */
    void configure(VertxOptions options) {
        if (clusterNode != null) {
            options.setEventBusOptions(clusterNode.eventBusOptions());
        }
    }

    /** Vert.x, joined to the cluster when there is one. */
    Future<Vertx> build(VertxBuilder builder) {
        return clusterNode == null ? Future.succeededFuture(builder.build())
                : clusterNode.build(builder).compose(this::joinedCluster);
    }

    /** Cluster mode: this node's metrics, bus counting and PIN directory, once Vert.x has joined the cluster. */
    private Future<Vertx> joinedCluster(Vertx clustered) {
        clusterMetrics = new ClusterMetrics(registry, clusterNode::members, rooms::size);
        clusterNode.countBusMessages(clustered, clusterMetrics);
        return PinDirectory.open(clustered, cluster.nodeName(), clusterMetrics::pinConflict)
                .map(directory -> {
                    pinDirectory = directory;
                    return clustered;
                });
    }

    /**
     * Cluster mode on the shared PostgreSQL database: this node serves, as an edge, the players of rooms other nodes
     * own, and relays its own rooms to the nodes that serve theirs. Null (nothing served for others) alone, and on
     * SQLite, where an edge could not store the answers it acknowledges where the owner's report reads them.
     */
    Future<Edges> edges(Vertx vertx, Supplier<Executor> loops, ServerMetrics metrics) {
        if (clusterNode == null || !(store instanceof PostgresStore postgres)) {
            return Future.succeededFuture(null);
        }
        LocalNode local = new LocalNode(new Member(cluster.nodeName(), clusterNode.nodeId()), vertx, clock);
        ownerRelay = new OwnerRelay(local, rooms, postgres, pin -> {
            Handovers handing = handovers;
            return handing != null && handing.moving(pin);
        });
        EdgeNode edgeNode = new EdgeNode(local, pinDirectory, store, loops, metrics, clusterNode::isMember);
        ClusterMetrics.edgeRooms(registry, edgeNode::rooms);
        clusterNode.onMemberLeft(id -> {
            ownerRelay.memberLeft(id);
            edgeNode.memberLeft(id);
        });
        return Future.all(ownerRelay.start(), edgeNode.start()).map(ignored -> edgeNode);
    }

    /**
     * Cluster mode on PostgreSQL: each room's state kept for a new owner, and rooms whose owner left taken over here;
     * {@link RoomTakeover#NONE} otherwise.
     */
    RoomTakeover takeover(Vertx vertx, BankLibrary library, Supplier<Room.Environment> environments,
                          Addresses addresses) {
        if (clusterNode == null || !(store instanceof PostgresStore postgres)) {
            return RoomTakeover.NONE;
        }
        keepers = new RoomKeepers(vertx, postgres.liveRooms(), rooms, opened, clusterMetrics, cluster.nodeName());
        Takeover taking = new Takeover(clusterNode, () -> pinDirectory, postgres.liveRooms(), store, library, rooms,
                opened, keepers, environments, addresses, clusterMetrics);
        clusterNode.onNodeLeft(new Successors(vertx, clusterNode, postgres.liveRooms(), taking,
                () -> pinDirectory)::memberLeft);
        handovers = new Handovers(vertx, clusterNode, rooms, keepers, taking, opened, clusterMetrics);
        return taking;
    }

    /** Cluster mode on PostgreSQL: listens for rooms handed here by draining nodes; done at once otherwise. */
    Future<Void> startHandovers() {
        Handovers handing = handovers;
        return handing == null ? Future.succeededFuture() : handing.start();
    }

    /** Cluster mode on PostgreSQL: what hands this node's rooms to others when it drains; null otherwise. */
    Handovers handovers() {
        return handovers;
    }

    /** A room this node opened, claimed: its state is kept from now on (cluster mode on PostgreSQL). */
    void claimed(Room room) {
        RoomKeepers kept = keepers;
        if (kept != null) {
            kept.keep(room, 1);
        }
    }

    /** Null alone. */
    PinDirectory pinDirectory() {
        return pinDirectory;
    }

    DurablePins durablePins() {
        return durablePins;
    }

    /** What {@code GET /ready} says: cluster joined, database reachable, not draining. */
    Readiness readiness(boolean leaving) {
        boolean inCluster = clusterNode != null;
        return Readiness.of(cluster.nodeName(), inCluster, inCluster ? clusterNode.members() : 1,
                inCluster ? clusterNode.joined() : true, store.healthy(), leaving);
    }

    /** A room was removed: a cluster node gives its PIN back. */
    void released(String pin) {
        RoomKeepers kept = keepers;
        if (kept != null) {
            kept.forget(pin);
        }
        OwnerRelay relay = ownerRelay;
        if (relay != null) {
            relay.forget(pin);
        }
        PinDirectory directory = pinDirectory;
        if (directory != null) {
            directory.release(pin);
            durablePins.release(pin, directory.node());
        }
    }

    /** A cluster node gives back the PINs of the rooms it still holds, before it leaves the cluster. */
    Future<Void> releasePins() {
        PinDirectory directory = pinDirectory;
        if (directory == null) {
            return Future.succeededFuture();
        }
        List<Future<Void>> released = rooms.all().stream()
                .flatMap(room -> java.util.stream.Stream.of(directory.release(room.pin()),
                        durablePins.release(room.pin(), directory.node())))
                .toList();
        return Future.join(released).timeout(5, TimeUnit.SECONDS).otherwiseEmpty().mapEmpty();
    }
}
