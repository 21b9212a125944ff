package org.auroralocus.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection with its prepared statements kept: a statement is compiled once per connection
 * and reused, which matters on the hot paths (a record write runs a handful of statements).
 * Confined to the database thread that owns it.
 */
public final class SqlSession implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqlSession(Connection connection) {
        this.connection = connection;
    }

    /** The statement for this SQL text, compiled on first use; parameters are cleared for reuse. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement st = statements.get(sql);
        if (st == null) {
            st = connection.prepareStatement(sql);
            statements.put(sql, st);
        } else {
            st.clearParameters();
        }
        return st;
    }

    /** Runs an INSERT, UPDATE or DELETE whose parameters are all text, through the cached statement. */
    public int update(String sql, String... params) throws SQLException {
        PreparedStatement st = prepare(sql);
        for (int i = 0; i < params.length; i++) st.setString(i + 1, params[i]);
        return st.executeUpdate();
    }

    public Connection connection() {
        return connection;
    }

    @Override public void close() throws SQLException {
        for (PreparedStatement st : statements.values()) st.close();
        statements.clear();
        connection.close();
    }
}
