package org.auroralocus.server.actor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.auroralocus.server.db.SqlSession;

/** {@code record}: the index of the repository's current records, by AT URI. */
public final class RecordTable {
    private final SqlSession session;

    public RecordTable(SqlSession session) {
        this.session = session;
    }

    public long count() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT count(*) FROM record").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
