package app.quizroom.store;

import java.sql.SQLException;
import java.util.List;

/**
 * Where the reports read from: one database, SQLite's file or PostgreSQL's pool. {@link ReportQueries} is written
 * once over it, so that a report reads the same rows, in the same order, from either (and the report and CSV built
 * from them are the same bytes). Blocking: call from a worker thread.
 */
interface ReportSource {

    /** Runs {@code reading} on one connection, opened for it and closed after. */
    <T> T read(Reading<T> reading) throws SQLException;

    /** Reads on one connection. */
    @FunctionalInterface
    interface Reading<T> {
        T apply(Reader reader) throws SQLException;
    }

    /** Runs queries with {@code ?} parameters, bound in order. */
    interface Reader {
        void forEachRow(String sql, List<?> parameters, Row row) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface Row {
        void read(Columns columns) throws SQLException;
    }

    /** A row's columns, numbered from 1 as in JDBC. */
    interface Columns {
        String text(int column) throws SQLException;

        /** The column as a long, or null for SQL NULL. */
        Long longOrNull(int column) throws SQLException;

        /** The column as a double, or null for SQL NULL. */
        Double doubleOrNull(int column) throws SQLException;

        default long longValue(int column) throws SQLException {
            Long value = longOrNull(column);
            return value == null ? 0 : value;
        }

        default int intValue(int column) throws SQLException {
            return (int) longValue(column);
        }

        default Integer intOrNull(int column) throws SQLException {
            Long value = longOrNull(column);
            return value == null ? null : value.intValue();
        }

        default double doubleValue(int column) throws SQLException {
            Double value = doubleOrNull(column);
            return value == null ? 0 : value;
        }
    }
}
