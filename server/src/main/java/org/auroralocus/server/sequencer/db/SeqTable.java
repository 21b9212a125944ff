package org.auroralocus.server.sequencer.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.server.db.SqlSession;

/** {@code repo_seq}: the event log, with {@code repo_rev} and {@code seq_pruned}, which describe it. */
public final class SeqTable {
    /** One stored event: its body is DAG-CBOR without {@code seq} and {@code time}. */
    public record Row(long seq, String did, String type, byte[] body, Instant sequencedAt) {}

    private static final String COLUMNS = "seq, did, event_type, event, sequenced_at";

    private final SqlSession session;

    public SeqTable(SqlSession session) {
        this.session = session;
    }

    /** Appends an event; {@code time} is the fixed-width frame time, so text order is time order. */
    public long append(String did, String type, byte[] body, String time) throws SQLException {
        var st = session.prepare("INSERT INTO repo_seq (did, event_type, event, sequenced_at) VALUES (?, ?, ?, ?) RETURNING seq");
        st.setString(1, did);
        st.setString(2, type);
        st.setBytes(3, body);
        st.setString(4, time);
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Removes the DID's events sequenced before {@code seq} (account deletion), and its last rev. */
    public int deleteForDidBefore(String did, long seq) throws SQLException {
        var rev = session.prepare("DELETE FROM repo_rev WHERE did = ?");
        rev.setString(1, did);
        rev.executeUpdate();
        var st = session.prepare("DELETE FROM repo_seq WHERE did = ? AND seq < ?");
        st.setString(1, did);
        st.setLong(2, seq);
        return st.executeUpdate();
    }

    /** Events after {@code cursor}, oldest first, at most {@code limit}. */
    public List<Row> after(long cursor, int limit) throws SQLException {
        var st = session.prepare("SELECT " + COLUMNS + " FROM repo_seq WHERE seq > ? ORDER BY seq LIMIT ?");
        st.setLong(1, cursor);
        st.setInt(2, limit);
        return rows(st.executeQuery());
    }

    /** The last seq ever handed out (0 before the first event), even when retention has removed it. */
    public long head() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'repo_seq'").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The seq of the first event sequenced at or after {@code time}. */
    public Optional<Long> firstSeqAtOrAfter(String time) throws SQLException {
        var st = session.prepare("SELECT min(seq) FROM repo_seq WHERE sequenced_at >= ?");
        st.setString(1, time);
        try (ResultSet rs = st.executeQuery()) {
            long seq = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(seq);
        }
    }

    /** Records that {@code rev} is the DID's last sequenced commit. */
    public void setRev(String did, String rev, long seq) throws SQLException {
        var st = session.prepare("""
                INSERT INTO repo_rev (did, rev, seq) VALUES (?, ?, ?)
                ON CONFLICT (did) DO UPDATE SET rev = excluded.rev, seq = excluded.seq""");
        st.setString(1, did);
        st.setString(2, rev);
        st.setLong(3, seq);
        st.executeUpdate();
    }

    /** The rev of the DID's last sequenced {@code #commit} or {@code #sync}. */
    public Optional<String> rev(String did) throws SQLException {
        var st = session.prepare("SELECT rev FROM repo_rev WHERE did = ?");
        st.setString(1, did);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * Removes the events sequenced before {@code time}, at most {@code limit} of them (so one call
     * holds the writer briefly), and remembers the highest seq removed. Returns how many went.
     */
    public int pruneBefore(String time, int limit) throws SQLException {
        var last = session.prepare("""
                SELECT max(seq) FROM (SELECT seq FROM repo_seq WHERE sequenced_at < ? ORDER BY sequenced_at, seq LIMIT ?)""");
        last.setString(1, time);
        last.setInt(2, limit);
        long through;
        try (ResultSet rs = last.executeQuery()) {
            through = rs.next() ? rs.getLong(1) : 0;
            if (rs.wasNull()) return 0;
        }
        var delete = session.prepare("DELETE FROM repo_seq WHERE seq <= ?");
        delete.setLong(1, through);
        int removed = delete.executeUpdate();
        var mark = session.prepare("""
                INSERT INTO seq_pruned (id, through_seq) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET through_seq = max(through_seq, excluded.through_seq)""");
        mark.setLong(1, through);
        mark.executeUpdate();
        return removed;
    }

    /** The highest seq retention has removed (0 when none). */
    public long prunedThrough() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT through_seq FROM seq_pruned WHERE id = 1").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<Row> rows(ResultSet rs) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), Instant.parse(rs.getString(5))));
            }
        }
        return rows;
    }
}
