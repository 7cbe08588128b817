package app.quizroom.store;

import app.quizroom.store.WriteQueue.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statements run on one JDBC connection (the SQLite writer's), each prepared once and kept while the connection
 * lives: a game sends the same few statements thousands of times. The least recently used are closed past
 * {@value #KEPT}.
 */
final class JdbcSql implements Sql {

    private static final int KEPT = 64;

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true);

    JdbcSql(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void run(String statement, Object... parameters) throws SQLException {
        PreparedStatement s = prepared.get(statement);
        if (s == null) {
            s = connection.prepareStatement(statement);
            prepared.put(statement, s);
            if (prepared.size() > KEPT) {
                var eldest = prepared.entrySet().iterator();
                eldest.next().getValue().close();
                eldest.remove();
            }
        }
        s.clearParameters();
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        s.executeUpdate();
    }

    /** Closes the prepared statements (not the connection). */
    void close() {
        for (PreparedStatement s : prepared.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // the connection is closed next
            }
        }
        prepared.clear();
    }
}
