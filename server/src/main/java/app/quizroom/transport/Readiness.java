package app.quizroom.transport;

/**
 * {@code GET /ready}: whether a load balancer should send this node new connections (200) or not (503).
 *
 * @param ready    the cluster is joined (or there is none), the database is reachable, the node is not draining
 * @param node     the node's name (QUIZROOM_NODE_NAME; {@code local} without a cluster)
 * @param cluster  true in cluster mode
 * @param members  cluster members this node sees, itself included (1 without a cluster)
 * @param joined   this node is a member of the cluster (always true without one)
 * @param database results can be written
 * @param draining the node is shutting down: it opens no new rooms
 */
public record Readiness(boolean ready, String node, boolean cluster, int members, boolean joined, boolean database,
                        boolean draining) {

    public static Readiness of(String node, boolean cluster, int members, boolean joined, boolean database,
                               boolean draining) {
        return new Readiness(joined && database && !draining, node, cluster, members, joined, database, draining);
    }
}
