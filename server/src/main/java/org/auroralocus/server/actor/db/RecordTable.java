package org.auroralocus.server.actor.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.db.SqlSession;

/**
 * {@code record}: the index of the repository's current records, by AT URI. It mirrors the MST
 * (both change in the same transaction) so that reads need no tree walk: a record is one indexed
 * lookup joined with its block. Taken-down records ({@code takedown_ref} set) stay indexed, so the
 * repository keeps them, but are not served.
 */
public final class RecordTable {
    /** A record as served: where, its CID, and its DAG-CBOR block. */
    public record StoredRecord(AtUri uri, Cid cid, byte[] block) {}

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

    /** The record's current CID, taken down or not: what the repository holds at the path. */
    public Optional<Cid> cid(AtUri uri) throws SQLException {
        var st = session.prepare("SELECT cid FROM record WHERE uri = ?");
        st.setString(1, uri.toString());
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(Cid.parse(rs.getString(1))) : Optional.empty();
        }
    }

    /** A record's moderation state: its current CID and its takedown reference while taken down. */
    public record Moderation(Cid cid, Optional<String> takedownRef) {}

    public Optional<Moderation> moderation(AtUri uri) throws SQLException {
        var st = session.prepare("SELECT cid, takedown_ref FROM record WHERE uri = ?");
        st.setString(1, uri.toString());
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(new Moderation(Cid.parse(rs.getString(1)), Optional.ofNullable(rs.getString(2))))
                    : Optional.empty();
        }
    }

    /** Takes the record down under {@code ref}, or restores it when empty; false when there is no such record. */
    public boolean setTakedown(AtUri uri, Optional<String> ref) throws SQLException {
        var st = session.prepare("UPDATE record SET takedown_ref = ? WHERE uri = ?");
        st.setString(1, ref.orElse(null));
        st.setString(2, uri.toString());
        return st.executeUpdate() == 1;
    }

    /** The record, if it is there and served, at {@code cid} when one is given. */
    public Optional<StoredRecord> get(AtUri uri, Optional<Cid> cid) throws SQLException {
        var st = session.prepare("""
                SELECT record.cid, repo_block.content FROM record JOIN repo_block ON repo_block.cid = record.cid
                WHERE record.uri = ? AND record.takedown_ref IS NULL""");
        st.setString(1, uri.toString());
        try (ResultSet rs = st.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            Cid found = Cid.parse(rs.getString(1));
            if (cid.isPresent() && !cid.get().equals(found)) return Optional.empty();
            return Optional.of(new StoredRecord(uri, found, rs.getBytes(2)));
        }
    }

    /**
     * A page of one collection's served records: newest record key first, or oldest first when
     * {@code reverse}; {@code cursor} is the last record key of the previous page, compared as text
     * like the official PDS does (so any string works as a cursor, even one no key could be).
     */
    public List<StoredRecord> list(Nsid collection, int limit, Optional<String> cursor, boolean reverse) throws SQLException {
        String order = reverse ? "ASC" : "DESC";
        String after = cursor.isEmpty() ? "" : reverse ? " AND record.rkey > ?" : " AND record.rkey < ?";
        PreparedStatement st = session.prepare("""
                SELECT record.uri, record.cid, repo_block.content FROM record JOIN repo_block ON repo_block.cid = record.cid
                WHERE record.collection = ? AND record.takedown_ref IS NULL""" + after + " ORDER BY record.rkey " + order + " LIMIT ?");
        int i = 1;
        st.setString(i++, collection.toString());
        if (cursor.isPresent()) st.setString(i++, cursor.get());
        st.setInt(i, limit);
        List<StoredRecord> page = new ArrayList<>(Math.min(limit, 100));
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) page.add(new StoredRecord(AtUri.parse(rs.getString(1)), Cid.parse(rs.getString(2)), rs.getBytes(3)));
        }
        return page;
    }

    /** The collections that hold at least one record, sorted. */
    public List<Nsid> collections() throws SQLException {
        List<Nsid> collections = new ArrayList<>();
        try (ResultSet rs = session.prepare("SELECT DISTINCT collection FROM record ORDER BY collection").executeQuery()) {
            while (rs.next()) collections.add(Nsid.parse(rs.getString(1)));
        }
        return collections;
    }

    /** A record with its block, the revision that wrote it, and when it was indexed. */
    public record RecentRecord(AtUri uri, Cid cid, byte[] block, String rev, Instant indexedAt) {}

    /**
     * The served records written after revision {@code rev}, oldest first, at most {@code limit}
     * (read-after-write: what an AppView that has seen {@code rev} cannot know yet).
     */
    public List<RecentRecord> writtenAfter(String rev, int limit) throws SQLException {
        var st = session.prepare("""
                SELECT record.uri, record.cid, repo_block.content, record.repo_rev, record.indexed_at
                FROM record JOIN repo_block ON repo_block.cid = record.cid
                WHERE record.repo_rev > ? AND record.takedown_ref IS NULL ORDER BY record.repo_rev LIMIT ?""");
        st.setString(1, rev);
        st.setInt(2, limit);
        List<RecentRecord> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new RecentRecord(AtUri.parse(rs.getString(1)), Cid.parse(rs.getString(2)), rs.getBytes(3),
                        rs.getString(4), Instant.parse(rs.getString(5))));
            }
        }
        return out;
    }

    /** Whether some record was written at or before revision {@code rev}. */
    public boolean anyWrittenBy(String rev) throws SQLException {
        var st = session.prepare("SELECT 1 FROM record WHERE repo_rev <= ? LIMIT 1");
        st.setString(1, rev);
        try (ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    /** Indexes a created or updated record; an update keeps the record's takedown. */
    public void put(AtUri uri, Cid cid, Tid rev, Instant now) throws SQLException {
        var st = session.prepare("""
                INSERT INTO record (uri, cid, collection, rkey, repo_rev, indexed_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (uri) DO UPDATE SET cid = excluded.cid, repo_rev = excluded.repo_rev, indexed_at = excluded.indexed_at""");
        st.setString(1, uri.toString());
        st.setString(2, cid.toString());
        st.setString(3, uri.collection().map(Nsid::toString).orElseThrow());
        st.setString(4, uri.rkey().map(RecordKey::value).orElseThrow());
        st.setString(5, rev.toString());
        st.setString(6, now.toString());
        st.executeUpdate();
    }

    public void delete(AtUri uri) throws SQLException {
        session.update("DELETE FROM record WHERE uri = ?", uri.toString());
    }

    /** Drops every record not indexed at {@code rev}: after an import has indexed its records at that rev, those it does not hold. */
    public void deleteAllExceptRev(Tid rev) throws SQLException {
        session.update("DELETE FROM record WHERE repo_rev <> ?", rev.toString());
    }

    /** Whether some record still has this CID (two identical records share one block). */
    public boolean isCidUsed(Cid cid) throws SQLException {
        var st = session.prepare("SELECT 1 FROM record WHERE cid = ? LIMIT 1");
        st.setString(1, cid.toString());
        try (ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }
}
