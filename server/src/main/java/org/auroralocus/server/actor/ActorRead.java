package org.auroralocus.server.actor;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.actor.db.BlobTable;
import org.auroralocus.server.actor.db.PreferenceTable;
import org.auroralocus.server.actor.db.RepoBlockTable;
import org.auroralocus.server.actor.db.RecordTable;
import org.auroralocus.server.actor.db.RepoRootTable;
import org.auroralocus.server.db.SqlSession;

/** A read-only view of one actor store, valid for the duration of one scoped call. */
public class ActorRead {
    final SqlSession session;
    final RepoBlockTable blocks;
    final RepoRootTable root;
    final RecordTable records;
    final BlobTable blobs;

    ActorRead(SqlSession session) {
        this.session = session;
        this.blocks = new RepoBlockTable(session);
        this.root = new RepoRootTable(session);
        this.records = new RecordTable(session);
        this.blobs = new BlobTable(session);
    }

    /** The repository's blocks, as the MST and repository code read them. */
    public BlockSource blocks() {
        return blocks::get;
    }

    public Optional<RepoRootTable.RepoRoot> root() throws SQLException {
        return root.get();
    }

    /** How many blocks the store holds (checkAccountStatus reports it, so a migration can be followed). */
    public long blockCount() throws SQLException {
        return blocks.count();
    }

    /** How many records are indexed. */
    public long recordCount() throws SQLException {
        return records.count();
    }

    /** The record's current CID in the index (taken down or not). */
    public Optional<Cid> recordCid(AtUri uri) throws SQLException {
        return records.cid(uri);
    }

    /** The record's current CID and takedown, whether or not it is served. */
    public Optional<RecordTable.Moderation> recordModeration(AtUri uri) throws SQLException {
        return records.moderation(uri);
    }

    /** A served record with its block, at {@code cid} when one is given. */
    public Optional<RecordTable.StoredRecord> record(AtUri uri, Optional<Cid> cid) throws SQLException {
        return records.get(uri, cid);
    }

    /** The account's private preferences, in order. */
    public List<PreferenceTable.StoredPreference> preferences() throws SQLException {
        return new PreferenceTable(session).all();
    }

    /**
     * Up to {@code limit} served records written after revision {@code rev}, oldest first; empty when no
     * record is as old as {@code rev} (a revision from before this repository, after a migration: then
     * everything would look new).
     */
    public List<RecordTable.RecentRecord> recordsWrittenAfter(String rev, int limit) throws SQLException {
        List<RecordTable.RecentRecord> recent = records.writtenAfter(rev, limit);
        return recent.isEmpty() || records.anyWrittenBy(rev) ? recent : List.of();
    }

    /** A page of a collection's served records (see {@link RecordTable#list}). */
    public List<RecordTable.StoredRecord> listRecords(Nsid collection, int limit, Optional<String> cursor, boolean reverse)
            throws SQLException {
        return records.list(collection, limit, cursor, reverse);
    }

    /** The collections holding at least one record, sorted. */
    public List<Nsid> collections() throws SQLException {
        return records.collections();
    }

    /** Blobs that records reference but that were never uploaded here (listMissingBlobs, for migrations). */
    public List<BlobTable.MissingBlob> missingBlobs(Optional<String> cursor, int limit) throws SQLException {
        return blobs.missing(cursor, limit);
    }

    /** Streams the blocks written after revision {@code since} (see {@link RepoBlockTable#forEachSince}). */
    public void blocksSince(Tid since, RepoBlockTable.BlockSink sink) throws SQLException {
        blocks.forEachSince(since.toString(), sink);
    }

    /** A blob's row, whether pending or permanent. */
    /** Blobs held, and distinct blobs referenced by records (a migration is complete when they match). */
    public long blobCount() throws SQLException {
        return blobs.count();
    }

    public long referencedBlobCount() throws SQLException {
        return blobs.referencedCount();
    }

    public Optional<BlobTable.BlobRow> blob(Cid cid) throws SQLException {
        return blobs.get(cid);
    }

    /** Whether a committed record references the blob (only those are served). */
    public boolean blobReferenced(Cid cid) throws SQLException {
        return blobs.isReferenced(cid);
    }

    /** A page of referenced blob CIDs (see {@link BlobTable#referenced}). */
    public List<Cid> referencedBlobs(Optional<Tid> since, Optional<String> cursor, int limit) throws SQLException {
        return blobs.referenced(since.map(Tid::toString), cursor, limit);
    }

    /** A page of the account's blobs, pending or permanent, by CID (for the admin GUI). */
    public List<BlobTable.BlobRow> blobs(Optional<String> cursor, int limit) throws SQLException {
        return blobs.page(cursor, limit);
    }

    /** The records (AT URIs as text) that reference the blob. */
    public List<String> blobReferences(Cid cid) throws SQLException {
        return blobs.referencingRecords(cid);
    }

    /** The repository at its current commit; its tree is read lazily through this view. */
    public Optional<Repository> repository() throws SQLException {
        return root().map(r -> Repository.load(blocks(), r.cid()));
    }
}
