package org.auroralocus.server.actor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.db.SqlSession;

/** {@code repo_root}: the repository's current commit and revision. */
public final class RepoRootTable {
    /**
     * The current commit of a repository. The row's {@code indexed_at} is not read back: nothing
     * needs it, and parsing it was most of the time of the root lookup every write starts with.
     */
    public record RepoRoot(Cid cid, Tid rev) {}

    private final SqlSession session;

    public RepoRootTable(SqlSession session) {
        this.session = session;
    }

    public Optional<RepoRoot> get() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT cid, rev FROM repo_root LIMIT 1").executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new RepoRoot(Cid.parse(rs.getString(1)), Tid.parse(rs.getString(2))));
        }
    }

    public void set(Did did, Cid cid, Tid rev, Instant now) throws SQLException {
        var st = session.prepare("""
                INSERT INTO repo_root (did, cid, rev, indexed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (did) DO UPDATE SET cid = excluded.cid, rev = excluded.rev, indexed_at = excluded.indexed_at""");
        st.setString(1, did.toString());
        st.setString(2, cid.toString());
        st.setString(3, rev.toString());
        st.setString(4, now.toString());
        st.executeUpdate();
    }
}
