package app.quizroom.store;

import app.quizroom.store.SqliteBatchWriter.Eraser;
import app.quizroom.store.WriteQueue.Write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed writes of every owner still open (for the store: every game from its own row to its end), in the
 * order they were committed, so that they can be written again into a new SQLite file when the one at the path was
 * deleted or replaced. Touched only on the writer thread.
 *
 * <p>Why the store keeps them rather than asking the rooms to write their games again: the writes are already
 * units of work that need nothing but a connection, and replaying them in commit order gives back exactly the rows
 * (timestamps, kicks, team moves, lost counts) that were in the lost file, with no new path through the game code.
 * The memory is bounded by the games in play (a game's rows are dropped once its last write is committed), and is
 * about what the rooms themselves hold of those games.
 */
final class ReplayLog {

    /** Something committed, to be done again on a new file's connection. */
    @FunctionalInterface
    interface Replayed {
        void apply(JdbcSql sql) throws SQLException;
    }

    private final Map<Long, List<Replayed>> open = new HashMap<>();

    /** Notes a committed write: opens its owner's log on the first, adds to it, closes it on the last. */
    void committed(Write write) {
        switch (write.step()) {
            case FIRST -> {
                List<Replayed> log = new ArrayList<>();
                log.add(write.work()::apply);
                open.put(write.owner(), log);
            }
            case NEXT -> add(write.owner(), write.work()::apply);
            case LAST -> open.remove(write.owner());
        }
    }

    /** Adds work committed on behalf of {@code owner} outside its writes (its count of lost writes). */
    void add(long owner, Replayed work) {
        List<Replayed> log = open.get(owner);
        if (log != null) {
            log.add(work);
        }
    }

    /**
     * Writes every open owner's rows into {@code connection}'s file, in one transaction: each owner's rows there
     * are erased first, so that a file that already holds some of them (only the WAL was deleted, or an older copy
     * was put back) ends up with exactly the rows of the lost one.
     */
    void replayInto(JdbcSql sql, Eraser eraser) throws SQLException {
        Connection connection = sql.connection();
        connection.setAutoCommit(false);
        for (Map.Entry<Long, List<Replayed>> owner : open.entrySet()) {
            eraser.erase(sql, owner.getKey());
            for (Replayed work : owner.getValue()) {
                work.apply(sql);
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
