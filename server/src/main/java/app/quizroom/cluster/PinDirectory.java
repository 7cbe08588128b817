package app.quizroom.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

/**
 * The cluster-wide map from PIN to the name of the node that owns its room (a Hazelcast map under Vert.x's
 * {@code AsyncMap}). A node claims a PIN with {@code putIfAbsent} before it creates the room, so of two nodes that
 * draw the same PIN one wins and the other draws again. The PostgreSQL store's unique PIN row is the durable guard
 * behind it (docs/cluster.md §3): Hazelcast's open-source maps are not strongly consistent across a partition.
 */
public final class PinDirectory {

    static final String MAP_NAME = "quizroom.pins";

    private final AsyncMap<String, String> map;
    private final String node;
    private final Runnable onConflict;

    private PinDirectory(AsyncMap<String, String> map, String node, Runnable onConflict) {
        this.map = map;
        this.node = node;
        this.onConflict = onConflict;
    }

    /**
     * @param node       this node's name, written as the owner of the PINs it claims
     * @param onConflict called when a claim loses to another node
     */
    public static Future<PinDirectory> open(Vertx vertx, String node, Runnable onConflict) {
        return vertx.sharedData().<String, String>getAsyncMap(MAP_NAME)
                .map(map -> new PinDirectory(map, node, onConflict));
    }

    /** Completes with true if this node now owns the PIN, false if another node holds it. */
    public Future<Boolean> claim(String pin) {
        return map.putIfAbsent(pin, node).map(previous -> {
            if (previous != null) {
                onConflict.run();
            }
            return previous == null;
        });
    }

    /** The name of the node that owns the PIN, or null when no node does. */
    public Future<String> owner(String pin) {
        return map.get(pin);
    }

    /** Records this node as the PIN's owner in place of another (it took the room over; the database fenced it). */
    public Future<Void> moveHere(String pin) {
        return map.put(pin, node).mapEmpty();
    }

    /** Gives the PIN up if this node holds it. */
    public Future<Void> release(String pin) {
        return map.removeIfPresent(pin, node).mapEmpty();
    }

    /** Frees the PIN of a node that left the cluster, if the map still names it (its room could not go on). */
    public Future<Void> releaseOf(String pin, String owner) {
        return map.removeIfPresent(pin, owner).mapEmpty();
    }

    public String node() {
        return node;
    }
}
