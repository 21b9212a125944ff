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
