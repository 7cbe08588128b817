package app.quizroom.store;

import app.quizroom.config.DatabaseSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the PostgreSQL store's classes share: the pool, the statements' {@code ?} turned into PostgreSQL's
 * {@code $n}, and waiting for the reactive client's futures from the store's own threads (the writer's, a report's
 * worker), never from an event loop.
 */
final class Pg {

    private static final Map<String, String> NUMBERED = new ConcurrentHashMap<>();

    private Pg() {
    }

    /**
     * A pool on {@code vertx} for these settings. Every session commits synchronously ({@code synchronous_commit=on},
     * PostgreSQL's default, asked for so that a server configured otherwise cannot turn an acknowledgement into a
     * promise it does not keep) and ends statements that run past the timeout.
     */
    static Pool pool(Vertx vertx, DatabaseSettings settings) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(settings.host()).setPort(settings.port()).setDatabase(settings.database())
                .setUser(settings.user())
                .setCachePreparedStatements(true)
                .addProperty("application_name", "quizroom")
                .addProperty("synchronous_commit", "on")
                .addProperty("statement_timeout", Integer.toString(settings.statementTimeoutMs()));
        if (settings.password() != null) {
            connect.setPassword(settings.password());
        }
        PoolOptions pool = new PoolOptions().setMaxSize(settings.poolSize())
                .setConnectionTimeout(settings.statementTimeoutMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        NetClientOptions net = new NetClientOptions().setConnectTimeout(Math.min(settings.statementTimeoutMs(), 10_000));
        return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
    }

    /** The statement with its {@code ?} numbered {@code $1, $2...} (no statement of ours has a '?' in a literal). */
    static String numbered(String sql) {
        return NUMBERED.computeIfAbsent(sql, s -> {
            StringBuilder out = new StringBuilder(s.length() + 16);
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '?') {
                    out.append('$').append(++n);
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        });
    }

    static Tuple tuple(List<?> parameters) {
        Tuple tuple = Tuple.tuple();
        parameters.forEach(tuple::addValue);
        return tuple;
    }

    static Tuple tuple(Object... parameters) {
        Tuple tuple = Tuple.tuple();
        for (Object p : parameters) {
            tuple.addValue(p);
        }
        return tuple;
    }

    /**
     * Waits for {@code future} at most {@code timeoutMs}; a failure becomes an {@link SQLException} with the
     * server's SQLSTATE when it gave one.
     */
    static <T> T await(Future<T> future, long timeoutMs) throws SQLException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw sqlException(e.getCause());
        } catch (TimeoutException e) {
            throw new SQLException("no answer from PostgreSQL within " + timeoutMs + " ms", "08000", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for PostgreSQL", "08000", e);
        }
    }

    static SQLException sqlException(Throwable cause) {
        if (cause instanceof SQLException e) {
            return e;
        }
        if (cause instanceof PgException e) {
            return new SQLException(e.getErrorMessage(), e.getSqlState(), e);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SQLException(message, "08000", cause); // the connection, not the data
    }

    /**
     * True if the statement failed on its data (a data exception or a broken constraint, SQLSTATE classes 22 and
     * 23): a bug to log and count, not a reason to stop writing.
     */
    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
