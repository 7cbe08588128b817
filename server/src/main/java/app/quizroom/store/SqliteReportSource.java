package app.quizroom.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The reports' reads from the SQLite file, on a connection of their own (WAL: they never wait for the writer). */
record SqliteReportSource(Path file) implements ReportSource {

    @Override
    public <T> T read(Reading<T> reading) throws SQLException {
        try (Connection c = Database.open(file)) {
            return reading.apply((sql, parameters, row) -> forEachRow(c, sql, parameters, row));
        }
    }

    private static void forEachRow(Connection c, String sql, List<?> parameters, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                Columns columns = new Columns() {
                    @Override
                    public String text(int column) throws SQLException {
                        return rs.getString(column);
                    }

                    @Override
                    public Long longOrNull(int column) throws SQLException {
                        long value = rs.getLong(column);
                        return rs.wasNull() ? null : value;
                    }

                    @Override
                    public Double doubleOrNull(int column) throws SQLException {
                        double value = rs.getDouble(column);
                        return rs.wasNull() ? null : value;
                    }
                };
                while (rs.next()) {
                    row.read(columns);
                }
            }
        }
    }
}
