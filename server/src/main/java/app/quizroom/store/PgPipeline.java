package app.quizroom.store;

import app.quizroom.store.WriteQueue.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's statements sent down one PostgreSQL connection without waiting for each answer: consecutive runs of
 * one statement (a thousand answers) go as one batch of bindings, and {@link #finish} waits for them all. So a
 * batch costs a few round trips and one commit, however many rows it holds.
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
