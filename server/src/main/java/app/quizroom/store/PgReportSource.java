package app.quizroom.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

import java.sql.SQLException;
import java.util.List;

/** The reports' reads from PostgreSQL, on a connection of the pool (blocking: a worker thread waits for them). */
record PgReportSource(Pool pool, long timeoutMs) implements ReportSource {

    @Override
    public <T> T read(Reading<T> reading) throws SQLException {
        SqlConnection connection = Pg.await(pool.getConnection(), timeoutMs);
        try {
            return reading.apply((sql, parameters, row) -> forEachRow(connection, sql, parameters, row));
        } finally {
            connection.close();
        }
    }

    private void forEachRow(SqlConnection connection, String sql, List<?> parameters, Row row)
            throws SQLException {
        RowSet<io.vertx.sqlclient.Row> rows = Pg.await(connection.preparedQuery(Pg.numbered(sql)).execute(Pg.tuple(parameters)),
                timeoutMs);
        for (io.vertx.sqlclient.Row r : rows) {
            row.read(new Columns() {
                @Override
                public String text(int column) {
                    Object value = r.getValue(column - 1);
                    return value == null ? null : value.toString();
                }

                @Override
                public Long longOrNull(int column) {
                    Object value = r.getValue(column - 1);
                    return value == null ? null : ((Number) value).longValue();
                }

                @Override
                public Double doubleOrNull(int column) {
                    Object value = r.getValue(column - 1);
                    return value == null ? null : ((Number) value).doubleValue();
                }
            });
        }
    }
}
