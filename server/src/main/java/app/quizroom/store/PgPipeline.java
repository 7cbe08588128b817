package app.quizroom.store;

import app.quizroom.store.WriteQueue.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's statements sent down one PostgreSQL connection without waiting for each answer: {@code BEGIN},
 * the statements (consecutive runs of one statement, such as a thousand answers, go as one batch of bindings),
 * {@code COMMIT}, and then {@link #finish} waits for them all, in order. So a batch costs one round trip and one
 * commit, however many rows it holds. If a statement fails, PostgreSQL answers the {@code COMMIT} by rolling the
 * transaction back, and {@link #finish} throws that statement's failure.
 */
final class PgPipeline implements Sql {

    private final SqlConnection connection;
    private final List<Future<?>> sent = new ArrayList<>();
    private String pendingSql;
    private final List<Tuple> pending = new ArrayList<>();

    PgPipeline(SqlConnection connection) {
        this.connection = connection;
    }

    @Override
    public void run(String statement, Object... parameters) {
        if (!statement.equals(pendingSql)) {
            send();
            pendingSql = statement;
        }
        pending.add(Pg.tuple(parameters));
    }

    /** Sends a statement of no parameters as it is ({@code BEGIN}, {@code COMMIT}), after those before it. */
    Future<RowSet<Row>> simple(String sql) {
        send();
        Future<RowSet<Row>> result = connection.query(sql).execute();
        sent.add(result);
        return result;
    }

    /** Sends one statement with {@code ?} parameters after those before it; its result is for the caller. */
    Future<RowSet<Row>> prepared(String sql, Object... parameters) {
        send();
        Future<RowSet<Row>> result = connection.preparedQuery(Pg.numbered(sql)).execute(Pg.tuple(parameters));
        sent.add(result);
        return result;
    }

    /** Sends what is pending and waits for every statement sent; throws the first failure, in the order sent. */
    void finish(long deadlineNanos) throws SQLException {
        send();
        for (Future<?> f : sent) {
            Pg.await(f, Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
        }
        sent.clear();
    }

    private void send() {
        if (pending.isEmpty()) {
            return;
        }
        var query = connection.preparedQuery(Pg.numbered(pendingSql));
        sent.add(pending.size() == 1 ? query.execute(pending.get(0)) : query.executeBatch(List.copyOf(pending)));
        pending.clear();
    }
}
