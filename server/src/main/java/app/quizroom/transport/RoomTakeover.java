package app.quizroom.transport;

import app.quizroom.game.Room;
import io.vertx.core.Future;

/**
 * Cluster mode: a room this node does not hold, whose owner has left the cluster, taken over so that the host's or
 * a player's reconnection finds it here (docs/cluster.md §7).
 */
@FunctionalInterface
public interface RoomTakeover {

    /**
     * Completes with the room once this node runs it, or with null when there is nothing to take over here (no room
     * has the PIN, its owner is alive, or no state was saved); fails with {@link Moved} when another node took the
     * room first.
     */
    Future<Room> takeOver(String pin);

    /** Alone, or without a shared database: there is never anything to take over. */
    RoomTakeover NONE = pin -> Future.succeededFuture(null);

    /** Another node took the room over first: the phone should reconnect, to reach it. */
    final class Moved extends RuntimeException {
        public Moved(String pin) {
            super("room " + pin + " was taken over by another node", null, false, false);
        }
    }
}
