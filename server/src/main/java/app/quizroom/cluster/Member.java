package app.quizroom.cluster;

/**
 * A cluster member as the edge messages name it: its node name (QUIZROOM_NODE_NAME, which addresses its consumers on
 * the event bus) and the cluster's id for this run of it. A node that restarts comes back under the same name with a
 * new id, so a receiver can tell that what it knew of the old run is gone.
 */
public record Member(String name, String id) {
}
