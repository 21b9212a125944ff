package org.auroralocus.server.db;

import java.sql.SQLException;

/** Database work run on a database thread with that thread's connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(SqlSession session) throws SQLException;
}
