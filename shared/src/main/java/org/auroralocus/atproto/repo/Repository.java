package org.auroralocus.atproto.repo;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.MissingBlockException;
import org.auroralocus.atproto.crypto.Signer;
import org.auroralocus.atproto.mst.InvalidMstException;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.mst.MstEntry;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.SyntaxException;
import org.auroralocus.atproto.syntax.Tid;

/**
 * An account's repository at one signed commit (https://atproto.com/specs/repository): the commit,
 * the MST it points to, and the block source both are read from.
 *
 * <p>Immutable: {@link #applyWrites} returns the next commit as a new repository plus the blocks to
 * store, and this one stays as it was. Reads are lazy; a block that is missing or does not match
 * its CID surfaces as {@link MissingBlockException} or {@link InvalidMstException} from the MST, or a
 * {@link RepoException} for a record ({@link RepoVerifier} turns all of them into
 * {@code RepoException}s with context). Safe to share between threads if the block source is.
 */
public final class Repository {
    private final BlockSource blocks;
    private final Cid commitCid;
    private final Commit commit;
    private final Mst mst;

    Repository(BlockSource blocks, Cid commitCid, Commit commit, Mst mst) {
        this.blocks = blocks;
        this.commitCid = commitCid;
        this.commit = commit;
        this.mst = mst;
    }

    /**
     * A new, empty repository: an empty MST and a first commit signed by {@code signer}. The result's
     * new blocks (the commit and the empty node) are what {@code storage} must add.
     */
    public static CommitResult create(BlockSource storage, Did did, Signer signer, Tid rev) {
        return Committer.create(Objects.requireNonNull(storage), did, signer, rev);
    }

    /** The repository whose commit block is {@code commitCid}; the MST is read as it is used. */
    public static Repository load(BlockSource blocks, Cid commitCid) {
        byte[] bytes = blocks.get(commitCid).orElseThrow(() -> new RepoException("missing commit block " + commitCid));
        if (!Cid.ofDagCbor(bytes).equals(commitCid)) {
            throw new RepoException("commit block does not match its CID " + commitCid);
        }
        Commit commit = Commit.parse(bytes);
        return new Repository(blocks, commitCid, commit, Mst.load(blocks, commit.data()));
    }

    public Cid commitCid() {
        return commitCid;
    }

    public Commit commit() {
        return commit;
    }

    public Did did() {
        return commit.did();
    }

    public Tid rev() {
        return commit.rev();
    }

    public Mst mst() {
        return mst;
    }

    /** Where this repository's blocks are read from. */
    public BlockSource blocks() {
        return blocks;
    }

    /** The CID the MST maps the path to, if the record exists. */
    public Optional<Cid> recordCid(RecordPath path) {
        return mst.get(path.toString());
    }

    public Optional<RepoRecord> getRecord(RecordPath path) {
        return recordCid(path).map(cid -> readRecord(path, cid));
    }

    /** Every record in MST (key) order, each block read, hash-checked and decoded as the stream reaches it. */
    public Stream<RepoRecord> records() {
        return mst.entries().map(this::readRecord);
    }

    /** The records of one collection, in record-key order. */
    public Stream<RepoRecord> records(Nsid collection) {
        String prefix = collection.value() + "/";
        // "-" is the lowest character a record key may hold, so this is the collection's first possible key
        return mst.entriesFrom(prefix + "-").takeWhile(e -> e.key().startsWith(prefix)).map(this::readRecord);
    }

    /**
     * Applies a batch of writes in order as one new commit with revision {@code rev}, which must be
     * after this commit's. Creating an existing record, or updating or deleting a missing one, fails
     * the whole batch with a {@link RepoException} and changes nothing.
     *
     * <p>The result's repository reads its new blocks from memory before this one's source, so
     * commits can be chained before anything is stored; each link adds a layer, so a long-lived
     * caller stores {@link CommitResult#newBlocks()} and {@link #load}s from storage instead.
     */
    public CommitResult applyWrites(List<? extends RecordWrite> writes, Signer signer, Tid rev) {
        return Committer.apply(this, List.copyOf(writes), signer, rev);
    }

    /**
     * Writes the whole repository as a CAR v1 file whose root is the commit: the commit block, then
     * each MST node followed by the records and subtrees it links to, in key order. Streams block by
     * block; the caller's stream is flushed, not closed.
     */
    public void writeCar(OutputStream out) throws IOException {
        RepoCarExport.write(this, out);
    }

    RepoRecord readRecord(MstEntry entry) {
        RecordPath path;
        try {
            path = RecordPath.parse(entry.key());
        } catch (SyntaxException e) {
            throw new RepoException("the MST holds a key that is not a record path: " + e.getMessage(), e);
        }
        return readRecord(path, entry.value());
    }

    /** Reads a record block, checking that its bytes hash to the CID and hold a map. */
    RepoRecord readRecord(RecordPath path, Cid cid) {
        byte[] bytes = blocks.get(cid).orElseThrow(() -> new RepoException("missing record block " + cid + " for " + path));
        if (!MessageDigest.isEqual(Cid.newSha256().digest(bytes), cid.digest())) {
            throw new RepoException("record block for " + path + " does not match its CID " + cid);
        }
        DataValue value;
        try {
            value = DagCbor.decode(bytes);
        } catch (DagCborException e) {
            throw new RepoException("record " + path + " (" + cid + ") is not valid DAG-CBOR: " + e.getMessage(), e);
        }
        if (!(value instanceof DataValue.MapValue map)) throw new RepoException("record " + path + " (" + cid + ") is not a map");
        return new RepoRecord(path, cid, map);
    }

    @Override public String toString() {
        return "Repository[did=" + did() + ", rev=" + rev() + ", commit=" + commitCid + "]";
    }
}
