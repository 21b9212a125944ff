package org.auroralocus.server.sequencer.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.auroralocus.server.db.SqlSession;

/** {@code repo_seq}: the event log. */
public final class SeqTable {
    /** One stored event: its body is DAG-CBOR without {@code seq} and {@code time}. */
    public record Row(long seq, String did, String type, byte[] body, Instant sequencedAt) {}

    private final SqlSession session;

    public SeqTable(SqlSession session) {
        this.session = session;
    }

    public long append(String did, String type, byte[] body, Instant now) throws SQLException {
        var st = session.prepare("INSERT INTO repo_seq (did, event_type, event, sequenced_at) VALUES (?, ?, ?, ?) RETURNING seq");
        st.setString(1, did);
        st.setString(2, type);
        st.setBytes(3, body);
        st.setString(4, now.toString());
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Removes the DID's events sequenced before {@code seq} (account deletion). */
    public int deleteForDidBefore(String did, long seq) throws SQLException {
        var st = session.prepare("DELETE FROM repo_seq WHERE did = ? AND seq < ?");
        st.setString(1, did);
        st.setLong(2, seq);
        return st.executeUpdate();
    }

    /** Events after {@code cursor}, oldest first, at most {@code limit}. */
    public List<Row> after(long cursor, int limit) throws SQLException {
        var st = session.prepare("SELECT seq, did, event_type, event, sequenced_at FROM repo_seq WHERE seq > ? ORDER BY seq LIMIT ?");
        st.setLong(1, cursor);
        st.setInt(2, limit);
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), Instant.parse(rs.getString(5))));
            }
        }
        return rows;
    }
}
