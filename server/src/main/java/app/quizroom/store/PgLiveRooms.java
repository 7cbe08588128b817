package app.quizroom.store;

import app.quizroom.cluster.DurablePins;
import app.quizroom.cluster.EpochFence;
import app.quizroom.game.RoomSnapshot;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live rooms of a cluster in PostgreSQL, one row each in {@code live_rooms} (PIN, node, game, epoch, state, and
 * {@code taken_at}: when its holder reserved or took the room, or last showed it is alive, by the database's clock):
 * the durable guard behind the cluster's PIN map and the epoch that fences a room's owner (docs/cluster.md §3, §7).
 * Every decision is one statement, so PostgreSQL's row locks and the PIN's primary key settle races: of two nodes
 * reserving one PIN exactly one inserts the row, whatever the map told them; of two nodes taking a room over from
 * the same epoch exactly one raises it; a state write names the epoch its writer holds and changes nothing once
 * the epoch has moved on.
 */
public final class PgLiveRooms implements DurablePins, EpochFence {

    /** The database's clock in milliseconds: every node's times on a row are read from the one clock. */
    private static final String NOW_MS = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    /** A node starting again forgets the rooms it held: they died with its last run. */
    static final String FORGET_NODE = "DELETE FROM live_rooms WHERE node = $1";

    private final Pool pool;

    PgLiveRooms(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the PIN's row for this node; a row this node already holds counts as reserved again. */
    @Override
    public Future<Boolean> reserve(String pin, String node) {
        return pool.preparedQuery("INSERT INTO live_rooms (pin, node, taken_at) VALUES ($1, $2, " + NOW_MS + ")"
                        + " ON CONFLICT (pin) DO UPDATE SET taken_at = excluded.taken_at"
                        + " WHERE live_rooms.node = excluded.node")
                .execute(Pg.tuple(pin, node))
                .map(rows -> rows.rowCount() == 1);
    }

    @Override
    public Future<Void> attach(String pin, String node, long gameId) {
        return pool.preparedQuery("UPDATE live_rooms SET game_id = $3 WHERE pin = $1 AND node = $2")
                .execute(Pg.tuple(pin, node, gameId)).mapEmpty();
    }

    /** Gives the PIN back if this node holds it: its room has ended. */
    @Override
    public Future<Void> release(String pin, String node) {
        return pool.preparedQuery("DELETE FROM live_rooms WHERE pin = $1 AND node = $2")
                .execute(Pg.tuple(pin, node)).mapEmpty();
    }

    /** The room's current epoch, or null when no live room has the PIN. */
    public Future<Long> epoch(String pin) {
        return pool.preparedQuery("SELECT epoch FROM live_rooms WHERE pin = $1").execute(Pg.tuple(pin))
                .map(PgLiveRooms::firstLong);
    }

    @Override
    public Future<Long> takeOver(String pin, long seenEpoch, String node) {
        return pool.preparedQuery("UPDATE live_rooms SET epoch = epoch + 1, node = $3, taken_at = " + NOW_MS
                        + " WHERE pin = $1 AND epoch = $2 RETURNING epoch")
                .execute(Pg.tuple(pin, seenEpoch, node))
                .map(PgLiveRooms::firstLong);
    }

    @Override
    public Future<Boolean> stillOwner(String pin, long epoch) {
        return pool.preparedQuery("SELECT 1 FROM live_rooms WHERE pin = $1 AND epoch = $2")
                .execute(Pg.tuple(pin, epoch)).map(rows -> rows.size() == 1);
    }

    @Override
    public Future<Boolean> saveState(String pin, long epoch, String stateJson) {
        return pool.preparedQuery("UPDATE live_rooms SET state_json = $3 WHERE pin = $1 AND epoch = $2")
                .execute(Pg.tuple(pin, epoch, stateJson)).map(rows -> rows.rowCount() == 1);
    }

    /** The state last saved for the room, or null. */
    public Future<String> state(String pin) {
        return pool.preparedQuery("SELECT state_json FROM live_rooms WHERE pin = $1").execute(Pg.tuple(pin))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** A live room's row: its owner node, game, epoch and saved state (null until the first save). */
    public record LiveRoom(String pin, String node, Long gameId, long epoch, String stateJson) {
    }

    /** The live room with this PIN, or null when there is none. */
    public Future<LiveRoom> live(String pin) {
        return pool.preparedQuery("SELECT node, game_id, epoch, state_json FROM live_rooms WHERE pin = $1")
                .execute(Pg.tuple(pin)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new LiveRoom(pin, row.getString(0), row.getLong(1), row.getLong(2), row.getString(3));
                });
    }

    /** A room whose row names a node that is not a member, and how long ago its holder last touched the row. */
    public record Orphan(LiveRoom room, long silentMs) {
    }

    /**
     * The live rooms whose row names a node not among {@code members}: rooms of nodes that left the cluster (or are
     * cut off from it, or that this node wrongly believes gone), for a successor to take over or free.
     */
    public Future<List<Orphan>> orphans(Collection<String> members) {
        return pool.preparedQuery("SELECT pin, node, game_id, epoch, state_json, " + NOW_MS + " - taken_at"
                        + " FROM live_rooms WHERE NOT (node = ANY($1))")
                .execute(Tuple.of(members.toArray(String[]::new))).map(rows -> {
                    List<Orphan> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new Orphan(new LiveRoom(row.getString(0), row.getString(1),
                            row.getLong(2), row.getLong(3), row.getString(4)), row.getLong(5))));
                    return found;
                });
    }

    /**
     * The holder's sign of life on its rooms' rows ({@code taken_at} set to now where the row still names it), and
     * the current epochs of those of these PINs that have a live room: one statement every few seconds a node.
     */
    public Future<Map<String, Long>> beat(Collection<String> pins, String node) {
        // The epochs read are the statement's snapshot: touching a row does not change its epoch.
        return pool.preparedQuery("WITH touched AS (UPDATE live_rooms SET taken_at = " + NOW_MS
                        + " WHERE pin = ANY($1) AND node = $2 RETURNING pin)"
                        + " SELECT pin, epoch FROM live_rooms WHERE pin = ANY($1)")
                .execute(Tuple.of(pins.toArray(String[]::new), node)).map(rows -> {
                    Map<String, Long> epochs = new HashMap<>();
                    rows.forEach(row -> epochs.put(row.getString(0), row.getLong(1)));
                    return epochs;
                });
    }

    /** Frees a PIN whose room cannot go on, unless its row moved on (another node claimed it) meanwhile. */
    public Future<Boolean> free(String pin, String node, long epoch) {
        return pool.preparedQuery("DELETE FROM live_rooms WHERE pin = $1 AND node = $2 AND epoch = $3")
                .execute(Pg.tuple(pin, node, epoch)).map(rows -> rows.rowCount() == 1);
    }

    /** The current epochs of those of these PINs that have a live room (one query for a node's rooms). */
    public Future<Map<String, Long>> epochs(Collection<String> pins) {
        return pool.preparedQuery("SELECT pin, epoch FROM live_rooms WHERE pin = ANY($1)")
                .execute(Tuple.of(pins.toArray(String[]::new))).map(rows -> {
                    Map<String, Long> epochs = new HashMap<>();
                    rows.forEach(row -> epochs.put(row.getString(0), row.getLong(1)));
                    return epochs;
                });
    }

    /** Every answer stored for the game, as stored (what a room taken over restores its players' answers from). */
    public Future<List<RoomSnapshot.StoredAnswer>> answers(long gameId) {
        return pool.preparedQuery("SELECT question_idx, player_id, answer_json, response_ms, credit FROM answers"
                        + " WHERE game_id = $1").execute(Pg.tuple(gameId)).map(rows -> {
                    List<RoomSnapshot.StoredAnswer> answers = new ArrayList<>();
                    rows.forEach(row -> answers.add(new RoomSnapshot.StoredAnswer(row.getInteger(0),
                            row.getInteger(1), RoomStates.answer(row.getString(2)), row.getLong(3),
                            row.getDouble(4))));
                    return answers;
                });
    }

    private static Long firstLong(RowSet<Row> rows) {
        return rows.size() == 0 ? null : rows.iterator().next().getLong(0);
    }
}
