package org.auroralocus.server.actor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.server.db.SqlSession;

/** {@code repo_block}: every block of the repository, by CID. */
public final class RepoBlockTable {
    private final SqlSession session;

    public RepoBlockTable(SqlSession session) {
        this.session = session;
    }

    public Optional<byte[]> get(Cid cid) {
        try {
            var st = session.prepare("SELECT content FROM repo_block WHERE cid = ?");
            st.setString(1, cid.toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new SqlFailure("reading block " + cid, e);
        }
    }

    /** Receives blocks one at a time from a query that streams them. */
    @FunctionalInterface
    public interface BlockSink {
        void accept(Cid cid, byte[] bytes) throws SQLException;
    }

    /**
     * Every block written by a commit after {@code rev} (revisions are TIDs, so text order is time
     * order), newest first as in the official PDS; rows are handed over as SQLite steps through them,
     * never collected.
     */
    public void forEachSince(String rev, BlockSink sink) throws SQLException {
        var st = session.prepare("SELECT cid, content FROM repo_block WHERE repo_rev > ? ORDER BY repo_rev DESC, cid DESC");
        st.setString(1, rev);
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) sink.accept(Cid.parse(rs.getString(1)), rs.getBytes(2));
        }
    }

    public void putAll(Iterable<Block> blocks, String rev) throws SQLException {
        var st = session.prepare("""
                INSERT INTO repo_block (cid, repo_rev, size, content) VALUES (?, ?, ?, ?)
                ON CONFLICT (cid) DO NOTHING""");
        for (Block b : blocks) {
            st.setString(1, b.cid().toString());
            st.setString(2, rev);
            st.setInt(3, b.bytes().length);
            st.setBytes(4, b.bytes());
            st.addBatch();
        }
        st.executeBatch();
    }

    public void deleteAll(Collection<Cid> cids) throws SQLException {
        var st = session.prepare("DELETE FROM repo_block WHERE cid = ?");
        for (Cid cid : cids) {
            st.setString(1, cid.toString());
            st.addBatch();
        }
        st.executeBatch();
    }

    public void deleteEverything() throws SQLException {
        session.prepare("DELETE FROM repo_block").executeUpdate();
    }

    public long count() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT count(*) FROM repo_block").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
