package app.quizroom.cluster;

import io.vertx.core.Future;

/**
 * Room ownership fenced by an epoch in the database, so that two nodes can never both run a room (docs/cluster.md
 * §7). Taking a room increments its epoch in one conditional update; every write of the room's state carries the
 * epoch its writer holds and is refused once a newer one exists, so an owner that was cut off (suspended, or on
 * the wrong side of a partition) learns at its next write that the room has moved, and gives it up.
 *
 * <p>The PostgreSQL store implements it ({@code PgLiveRooms}, with the epoch on the live room's row); nothing calls
 * it yet: failover is not built.
 */
public interface EpochFence {

    /**
     * Takes the room over from the holder of {@code seenEpoch}: completes with the new epoch, or with null when
     * another node took it first (its epoch is no longer {@code seenEpoch}).
     */
    Future<Long> takeOver(String pin, long seenEpoch, String node);

    /** Completes with true while {@code epoch} is the room's current one (the write it guards may go ahead). */
    Future<Boolean> stillOwner(String pin, long epoch);

    /**
     * Stores the room's state (what a new owner restores it from) if {@code epoch} is still the room's: completes
     * with false, changing nothing, when a newer owner exists.
     */
    Future<Boolean> saveState(String pin, long epoch, String stateJson);
}
