package app.quizroom.cluster;

import io.vertx.core.Future;

/**
 * The durable guard behind {@link PinDirectory}: a PIN is unique among live games in the results database, so two
 * nodes that both believe they won a PIN (Hazelcast's maps are not strongly consistent across a partition) cannot
 * both open a game under it. The PostgreSQL store implements it with a unique row per live PIN; with SQLite (one
 * node's own file) {@link #NONE} trusts the directory alone (docs/cluster.md §3).
 */
@FunctionalInterface
public interface DurablePins {

    /** No durable guard: the cluster-wide map decides alone. */
    DurablePins NONE = (pin, node) -> Future.succeededFuture(true);

    /** Completes with true if the PIN is now this node's among live games, false if a live game elsewhere has it. */
    Future<Boolean> reserve(String pin, String node);

    /** Records which game the PIN's room runs, once the room exists. */
    default Future<Void> attach(String pin, String node, long gameId) {
        return Future.succeededFuture();
    }

    /** Gives the PIN back if this node holds it (its room has ended). */
    default Future<Void> release(String pin, String node) {
        return Future.succeededFuture();
    }
}
