package org.auroralocus.server.actor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.server.db.SqlSession;

/** {@code blob} and {@code record_blob}: the account's blobs and which records reference them. */
public final class BlobTable {
    /** One blob: {@code tempKey} is present while no committed record references it yet. */
    public record BlobRow(Cid cid, String mimeType, long size, Optional<String> tempKey, Instant createdAt,
                          Optional<String> takedownRef) {}

    private final SqlSession session;

    public BlobTable(SqlSession session) {
        this.session = session;
    }

    public Optional<BlobRow> get(Cid cid) throws SQLException {
        var st = session.prepare("SELECT cid, mime_type, size, temp_key, created_at, takedown_ref FROM blob WHERE cid = ?");
        st.setString(1, cid.toString());
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /**
     * Records an upload. Uploading bytes that are already stored permanently keeps the permanent
     * row (the upload's temp copy is then simply dropped by the caller). Uploading bytes that are
     * still pending keeps the first upload's key, so a key never changes under a writer that read
     * it, and restarts its clock, so the cleanup does not take a blob just uploaded again; the
     * caller drops the second copy. Either way the caller reads the row back with {@link #get}.
     */
    /** Takes the blob down under {@code ref}, or restores it when empty; false when there is no such blob. */
    public boolean setTakedown(Cid cid, Optional<String> ref) throws SQLException {
        var st = session.prepare("UPDATE blob SET takedown_ref = ? WHERE cid = ?");
        st.setString(1, ref.orElse(null));
        st.setString(2, cid.toString());
        return st.executeUpdate() == 1;
    }

    public void putUpload(Cid cid, String mimeType, long size, String tempKey, Instant now) throws SQLException {
        var st = session.prepare("""
                INSERT INTO blob (cid, mime_type, size, temp_key, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cid) DO UPDATE SET created_at = excluded.created_at WHERE blob.temp_key IS NOT NULL""");
        st.setString(1, cid.toString());
        st.setString(2, mimeType);
        st.setLong(3, size);
        st.setString(4, tempKey);
        st.setString(5, now.toString());
        st.executeUpdate();
    }

    /** Marks the blob permanent (its bytes have moved out of the temporary area). */
    public void markPermanent(Cid cid) throws SQLException {
        session.update("UPDATE blob SET temp_key = NULL WHERE cid = ?", cid.toString());
    }

    public void delete(Cid cid) throws SQLException {
        session.update("DELETE FROM blob WHERE cid = ?", cid.toString());
    }

    public void addReference(Cid blob, String recordUri) throws SQLException {
        var st = session.prepare("INSERT INTO record_blob (blob_cid, record_uri) VALUES (?, ?) ON CONFLICT DO NOTHING");
        st.setString(1, blob.toString());
        st.setString(2, recordUri);
        st.executeUpdate();
    }

    /** Removes every reference a record made; returns the blobs it referenced. */
    public List<Cid> removeReferences(String recordUri) throws SQLException {
        List<Cid> blobs = new ArrayList<>();
        var select = session.prepare("SELECT blob_cid FROM record_blob WHERE record_uri = ?");
        select.setString(1, recordUri);
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) blobs.add(Cid.parse(rs.getString(1)));
        }
        session.update("DELETE FROM record_blob WHERE record_uri = ?", recordUri);
        return blobs;
    }

    /** Removes every reference of every record (an import then adds those of its records). */
    public void removeAllReferences() throws SQLException {
        session.prepare("DELETE FROM record_blob").executeUpdate();
    }

    public boolean isReferenced(Cid blob) throws SQLException {
        var st = session.prepare("SELECT 1 FROM record_blob WHERE blob_cid = ? LIMIT 1");
        st.setString(1, blob.toString());
        try (ResultSet rs = st.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Temporary uploads older than {@code cutoff} that no record took up (a referenced one waits for
     * its record's commit to make it permanent).
     */
    public List<BlobRow> staleUploads(Instant cutoff, int limit) throws SQLException {
        var st = session.prepare("""
                SELECT cid, mime_type, size, temp_key, created_at, takedown_ref FROM blob
                WHERE temp_key IS NOT NULL AND created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM record_blob WHERE record_blob.blob_cid = blob.cid)
                ORDER BY created_at LIMIT ?""");
        st.setString(1, cutoff.toString());
        st.setInt(2, limit);
        List<BlobRow> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) rows.add(row(rs));
        }
        return rows;
    }

    /**
     * Uploads that a committed record references but that are still temporary: the write path moves
     * them after its commit, so a crash in between leaves them for the cleanup to finish.
     */
    public List<BlobRow> referencedUploads(int limit) throws SQLException {
        var st = session.prepare("""
                SELECT cid, mime_type, size, temp_key, created_at, takedown_ref FROM blob
                WHERE temp_key IS NOT NULL AND EXISTS (SELECT 1 FROM record_blob WHERE record_blob.blob_cid = blob.cid)
                ORDER BY cid LIMIT ?""");
        st.setInt(1, limit);
        List<BlobRow> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) rows.add(row(rs));
        }
        return rows;
    }

    /** A blob a record references that this account does not have (yet): what a migration still has to upload. */
    public record MissingBlob(Cid cid, String recordUri) {}

    /**
     * Referenced blobs with no {@code blob} row, by CID text (one record per blob), after {@code cursor}.
     * The cursor is compared as text, so any client string is harmless.
     */
    public List<MissingBlob> missing(Optional<String> cursor, int limit) throws SQLException {
        var st = session.prepare("""
                SELECT blob_cid, MIN(record_uri) FROM record_blob
                WHERE blob_cid > ? AND NOT EXISTS (SELECT 1 FROM blob WHERE blob.cid = record_blob.blob_cid)
                GROUP BY blob_cid ORDER BY blob_cid LIMIT ?""");
        st.setString(1, cursor.orElse(""));
        st.setInt(2, limit);
        List<MissingBlob> missing = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) missing.add(new MissingBlob(Cid.parse(rs.getString(1)), rs.getString(2)));
        }
        return missing;
    }

    /**
     * The CIDs of blobs that records reference, by CID text after {@code cursor}; with {@code since},
     * only those referenced by records written after that revision (com.atproto.sync.listBlobs).
     */
    public List<Cid> referenced(Optional<String> since, Optional<String> cursor, int limit) throws SQLException {
        var st = session.prepare("""
                SELECT DISTINCT record_blob.blob_cid FROM record_blob
                JOIN record ON record.uri = record_blob.record_uri
                WHERE record.repo_rev > ? AND record_blob.blob_cid > ?
                ORDER BY record_blob.blob_cid LIMIT ?""");
        st.setString(1, since.orElse(""));
        st.setString(2, cursor.orElse(""));
        st.setInt(3, limit);
        List<Cid> cids = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) cids.add(Cid.parse(rs.getString(1)));
        }
        return cids;
    }

    /** A page of every blob row, pending or permanent, by CID text after {@code cursor} (the admin GUI's blob grid). */
    public List<BlobRow> page(Optional<String> cursor, int limit) throws SQLException {
        var st = session.prepare("""
                SELECT cid, mime_type, size, temp_key, created_at, takedown_ref FROM blob
                WHERE cid > ? ORDER BY cid LIMIT ?""");
        st.setString(1, cursor.orElse(""));
        st.setInt(2, limit);
        List<BlobRow> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) rows.add(row(rs));
        }
        return rows;
    }

    /** The AT URIs (as text) of the records that reference the blob, sorted. */
    public List<String> referencingRecords(Cid blob) throws SQLException {
        var st = session.prepare("SELECT record_uri FROM record_blob WHERE blob_cid = ? ORDER BY record_uri");
        st.setString(1, blob.toString());
        List<String> uris = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) uris.add(rs.getString(1));
        }
        return uris;
    }

    private static BlobRow row(ResultSet rs) throws SQLException {
        String takedown = rs.getString(6);
        return new BlobRow(Cid.parse(rs.getString(1)), rs.getString(2), rs.getLong(3), Optional.ofNullable(rs.getString(4)),
                Instant.parse(rs.getString(5)), Optional.ofNullable(takedown));
    }

    /** How many blobs the account holds (checkAccountStatus's {@code importedBlobs}). */
    public long count() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT count(*) FROM blob").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many distinct blobs its records reference (checkAccountStatus's {@code expectedBlobs}). */
    public long referencedCount() throws SQLException {
        try (ResultSet rs = session.prepare("SELECT count(DISTINCT blob_cid) FROM record_blob").executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
