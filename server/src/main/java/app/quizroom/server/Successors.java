package app.quizroom.server;

import app.quizroom.cluster.ClusterNode;
import app.quizroom.cluster.PinDirectory;
import app.quizroom.cluster.Successor;
import app.quizroom.game.Phase;
import app.quizroom.store.PgLiveRooms;
import app.quizroom.store.RoomStates;
import app.quizroom.transport.RoomTakeover;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.function.Supplier;

/**
 * The deterministic successor (docs/cluster.md §7): when a member leaves the cluster, every node reads the rooms
 * whose rows name a node that is no longer a member, and each takes over at once, through {@link Takeover}, those
 * it is the {@link Successor} of among the live members, so that a room nobody reconnects to goes on (its question
 * closes at its deadline). The nodes do not talk about it: each computes the same choice, and the epoch fence
 * settles a disagreement (two nodes that briefly see different members, or a reconnection racing the successor).
 * Only a row its holder has left untouched for {@value #SILENT_MS} ms is taken (a live holder touches its rows
 * every {@value RoomKeepers#FENCE_CHECK_MS} ms), so that a node that only believes the others gone (it was suspended
 * or cut off) does not take their rooms; a fresh row is looked at again once it would be silent that long. A room
 * that cannot go on (no state saved yet, no game, its game over, or its restore failed) has its PIN freed: its row
 * and its map entry. It holds no state of its own, so it is a record of what it uses.
 */
record Successors(Vertx vertx, ClusterNode cluster, PgLiveRooms live, Takeover takeover,
                  Supplier<PinDirectory> directory) {

    private static final System.Logger LOG = System.getLogger("quizroom.cluster");
    /**
     * A row its holder has not touched for this long is an owner's that is gone: a live holder touches its rows
     * every {@value RoomKeepers#FENCE_CHECK_MS} ms. Guards against a node that thinks the others left (it was
     * suspended, or cut off) taking their rooms from them.
     */
    static final long SILENT_MS = 3 * RoomKeepers.FENCE_CHECK_MS;
    /** How many times the rooms of a node that left are looked at while their rows are still fresh. */
    private static final int CHECKS = 4;

    /** A member left (from any thread): this node takes over the orphaned rooms it is the successor of. */
    void memberLeft(String node) {
        check(node, CHECKS);
    }

    private void check(String left, int checksLeft) {
        List<String> members = cluster.memberNames().stream().filter(m -> !m.equals(left)).toList();
        if (!members.contains(cluster.name())) {
            return; // out of the cluster itself: nothing to decide
        }
        live.orphans(members).onSuccess(orphans -> {
            long recheckMs = -1;
            for (PgLiveRooms.Orphan orphan : orphans) {
                PgLiveRooms.LiveRoom row = orphan.room();
                if (!cluster.name().equals(Successor.of(row.pin(), members))) {
                    continue;
                }
                if (orphan.silentMs() >= SILENT_MS) {
                    succeed(row);
                } else {
                    // Its holder touched the row lately: gone just now, or alive and only unseen from here.
                    recheckMs = Math.max(recheckMs, SILENT_MS - orphan.silentMs() + 100);
                }
            }
            if (recheckMs > 0 && checksLeft > 1) {
                vertx.setTimer(recheckMs, id -> check(left, checksLeft - 1));
            }
        }).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "after node " + left + " left, its rooms could not"
                + " be read: " + e.getMessage() + "; they are taken over when someone reconnects"));
    }

    private void succeed(PgLiveRooms.LiveRoom row) {
        if (!restorable(row)) {
            LOG.log(System.Logger.Level.INFO, "room " + row.pin() + " of node " + row.node()
                    + " cannot go on (no saved state, or its game is over): its PIN is freed");
            free(row.pin(), row.node(), live.free(row.pin(), row.node(), row.epoch()).mapEmpty());
            return;
        }
        takeover.takeOverOrphan(row.pin()).onFailure(e -> {
            if (!(e instanceof RoomTakeover.Moved)) {
                // Claimed (the row names this node now) but not restored: nobody else could restore it either.
                free(row.pin(), row.node(), live.release(row.pin(), cluster.name()));
            }
        });
    }

    private static boolean restorable(PgLiveRooms.LiveRoom row) {
        if (row.stateJson() == null || row.gameId() == null) {
            return false;
        }
        try {
            return RoomStates.decode(row.stateJson()).room().phase() != Phase.FINISHED;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private void free(String pin, String deadOwner, Future<Void> row) {
        PinDirectory pins = directory.get();
        row.onComplete(ignored -> {
            if (pins != null) {
                pins.releaseOf(pin, deadOwner);
                pins.release(pin);
            }
        });
    }
}
