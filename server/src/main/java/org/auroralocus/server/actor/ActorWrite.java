package org.auroralocus.server.actor;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.actor.db.BlobTable;
import org.auroralocus.server.actor.db.PreferenceTable;
import org.auroralocus.server.db.SqlSession;

/** One actor store inside a write transaction: everything done here commits together or not at all. */
public final class ActorWrite extends ActorRead {
    private final Did did;

    ActorWrite(Did did, SqlSession session) {
        super(session);
        this.did = did;
    }

    /** The account's blobs and the records referencing them. */
    public BlobTable blobs() {
        return blobs;
    }

    /**
     * Stores a commit: its new blocks, the blocks it no longer reaches, and the new root. Record
     * blocks still used at another path are kept (two identical records share one block), which
     * this reads from the record index: index the commit's records first.
     */
    public void storeCommit(CommitResult commit, Instant now) throws SQLException {
        String rev = commit.commit().rev().toString();
        blocks.putAll(commit.newBlocks().blocks(), rev);
        List<Cid> unused = new ArrayList<>(commit.removedCids().size());
        for (Cid cid : commit.removedCids()) {
            if (!records.isCidUsed(cid)) unused.add(cid);
        }
        if (!unused.isEmpty()) blocks.deleteAll(unused);
        root.set(did, commit.cid(), commit.commit().rev(), now);
    }

    /**
     * Replaces the whole repository by an imported one: {@code blocks} become the store's only
     * blocks and {@code commit} (one of them) its root; records and blob references are then indexed
     * by the caller at {@code rev} ({@link #indexRecord}, {@link #blobs()}) and {@link #dropRecordsNotAt}
     * removes the rest. Every blob reference is removed here, so the caller adds back its records' own.
     */
    public void replaceRepository(Cid commit, Tid rev, Iterable<Block> blocks, Instant now) throws SQLException {
        this.blocks.deleteEverything();
        this.blocks.putAll(blocks, rev.toString());
        this.blobs.removeAllReferences();
        root.set(did, commit, rev, now);
    }

    /** The account's private preferences, to replace. */
    public PreferenceTable preferenceTable() {
        return new PreferenceTable(session);
    }

    /** Drops the records an import did not index at {@code rev}: those its repository does not hold. */
    public void dropRecordsNotAt(Tid rev) throws SQLException {
        records.deleteAllExceptRev(rev);
    }

    /** Indexes a created or updated record. */
    public void indexRecord(AtUri uri, Cid cid, Tid rev, Instant now) throws SQLException {
        records.put(uri, cid, rev, now);
    }

    /** Takes the record down under {@code ref} (restores it when empty); false when it is not in the index. */
    public boolean setRecordTakedown(AtUri uri, Optional<String> ref) throws SQLException {
        return records.setTakedown(uri, ref);
    }

    /** Drops a deleted record from the index. */
    public void unindexRecord(AtUri uri) throws SQLException {
        records.delete(uri);
    }

}
