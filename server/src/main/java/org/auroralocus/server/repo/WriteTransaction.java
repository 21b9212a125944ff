package org.auroralocus.server.repo;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.crypto.Signer;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.actor.ActorWrite;
import org.auroralocus.server.actor.db.RepoRootTable;
import org.auroralocus.server.sequencer.RepoEvent;

/**
 * The part of a batch of writes that runs inside the repository's one transaction: the swaps are
 * checked against the current commit and records, the writes applied as one signed commit, its
 * blocks stored, the record index and blob references updated, and the firehose event built. Any
 * exception rolls all of it back. Writes to one repository queue for its store's single writer,
 * which runs them one after another (and may commit several together, each in its own savepoint),
 * so each sees the commit of the one before.
 */
final class WriteTransaction {
    /** The official PDS refuses a commit whose event would exceed the firehose's 2 MB frame. */
    static final int MAX_EVENT_BYTES = 2_000_000;

    /** What the transaction did. */
    sealed interface Outcome permits Unchanged, Committed {
        List<WriteResult> results();
    }

    /** No write changed anything: no commit was made. */
    record Unchanged(List<WriteResult> results) implements Outcome {}

    /** A new commit, with its event, its turn to sequence it, and the blob work that follows it. */
    record Committed(CommitMeta commit, List<WriteResult> results, RepoEvent.CommitEvent event, BlobChanges blobs,
                     CommitOrder.Turn turn) implements Outcome {}

    private final Did did;
    private final List<PreparedWrite> writes;
    private final Optional<Cid> swapCommit;
    private final Signer signer;
    private final TidClock revs;
    private final Instant now;
    private final CommitOrder order;
    /** Taken last in {@link #run}; read by the caller after the transaction, also when its commit failed. */
    private Optional<CommitOrder.Turn> turn = Optional.empty();

    WriteTransaction(Did did, List<PreparedWrite> writes, Optional<Cid> swapCommit, Signer signer, TidClock revs, Instant now,
                     CommitOrder order) {
        this.did = did;
        this.writes = List.copyOf(writes);
        this.swapCommit = swapCommit;
        this.signer = signer;
        this.revs = revs;
        this.now = now;
        this.order = order;
    }

    /** The turn this transaction took to sequence its commit, if it got that far. */
    Optional<CommitOrder.Turn> turn() {
        return turn;
    }

    Outcome run(ActorWrite tx) throws SQLException {
        RepoRootTable.RepoRoot root = tx.root().orElseThrow(() -> new IllegalStateException("repository of " + did + " has no commit"));
        if (swapCommit.isPresent() && !swapCommit.get().equals(root.cid())) {
            throw new RepoWriteException(RepoWriteException.Problem.INVALID_SWAP, "Commit was at " + root.cid());
        }
        List<WriteResult> results = writes.stream().map(PreparedWrite::result).toList();
        List<ResolvedWrite> resolved = resolve(tx);
        if (resolved.isEmpty()) return new Unchanged(results);

        BlobChanges blobs = BlobReferences.apply(tx.blobs(), resolved);
        Tid rev = nextRev(root.rev());
        CommitResult commit = Repository.load(tx.blocks(), root.cid())
                .applyWrites(resolved.stream().map(ResolvedWrite::recordWrite).toList(), signer, rev);
        for (ResolvedWrite write : resolved) {
            switch (write) {
                case ResolvedWrite.Created c -> tx.indexRecord(c.uri(), c.record().cid(), rev, now);
                case ResolvedWrite.Updated u -> tx.indexRecord(u.uri(), u.record().cid(), rev, now);
                case ResolvedWrite.Removed r -> tx.unindexRecord(r.uri());
            }
        }
        tx.storeCommit(commit, now);

        byte[] blocks = eventBlocks(commit, resolved);
        if (blocks.length > MAX_EVENT_BYTES) throw RepoWriteException.invalid("Too many writes. Max event size: 2MB");
        RepoEvent.CommitEvent event = new RepoEvent.CommitEvent(did, commit.cid(), rev, commit.since(), blocks,
                resolved.stream().map(ResolvedWrite::op).toList(), blobs.referenced(), commit.prevData());
        // last, so nothing after it in this transaction can fail: the turn follows commit order
        turn = Optional.of(order.take(did));
        return new Committed(new CommitMeta(commit.cid(), rev), results, event, blobs, turn.get());
    }

    /**
     * Checks each write against the record's state as the writes before it in the batch left it,
     * and turns it into what the repository applies.
     */
    private List<ResolvedWrite> resolve(ActorWrite tx) throws SQLException {
        Map<RecordPath, Optional<Cid>> current = new HashMap<>();
        List<ResolvedWrite> resolved = new ArrayList<>(writes.size());
        for (PreparedWrite write : writes) {
            Optional<Cid> now = current.containsKey(write.path()) ? current.get(write.path()) : tx.recordCid(write.uri());
            Optional<ResolvedWrite> step = resolve(write, now);
            step.ifPresent(resolved::add);
            current.put(write.path(), step.isEmpty() ? now : step.get().newRecord().map(PreparedWrite.NewRecord::cid));
        }
        return resolved;
    }

    private static Optional<ResolvedWrite> resolve(PreparedWrite write, Optional<Cid> now) {
        return switch (write) {
            case PreparedWrite.Create c -> {
                if (now.isPresent()) {
                    throw RepoWriteException.invalid("Record already exists at " + c.uri() + " (use putRecord or an update to replace it)");
                }
                yield Optional.of(new ResolvedWrite.Created(c.record()));
            }
            case PreparedWrite.Update u -> Optional.of(new ResolvedWrite.Updated(u.record(),
                    now.orElseThrow(() -> RepoWriteException.invalid("Could not find record to update: " + u.uri()))));
            case PreparedWrite.Put p -> {
                checkSwap(p.swapRecord(), now);
                if (now.isEmpty()) yield Optional.of(new ResolvedWrite.Created(p.record()));
                yield now.get().equals(p.record().cid()) ? Optional.empty() : Optional.of(new ResolvedWrite.Updated(p.record(), now.get()));
            }
            case PreparedWrite.Delete d -> {
                checkSwap(d.swapRecord(), now);
                if (now.isPresent()) yield Optional.of(new ResolvedWrite.Removed(d.uri(), d.path(), now.get()));
                if (d.ignoreMissing()) yield Optional.empty();
                throw RepoWriteException.invalid("Could not find record to delete: " + d.uri());
            }
        };
    }

    private static void checkSwap(Optional<Cid> swapRecord, Optional<Cid> now) {
        if (swapRecord.isPresent() && !swapRecord.equals(now)) {
            throw new RepoWriteException(RepoWriteException.Problem.INVALID_SWAP,
                    "Record was at " + now.map(Cid::toString).orElse("null"));
        }
    }

    /** A revision after the current one, even if this server's clock is behind the one that wrote it. */
    private Tid nextRev(Tid current) {
        return nextRev(revs, current);
    }

    /** A revision from {@code revs} after {@code current}, even if this server's clock is behind the one that wrote it. */
    static Tid nextRev(TidClock revs, Tid current) {
        Tid rev = revs.next();
        if (rev.compareTo(current) > 0) return rev;
        revs.advancePast(current);
        return revs.next();
    }

    /**
     * The event's blocks (sync v1.1, https://atproto.com/specs/sync): the commit, every new MST node
     * and record, and the covering proof of each changed key in the new tree, so a relay can check
     * the operations against {@code prevData} from these blocks alone. A record whose block the
     * commit did not add (a value written back unchanged) is added, so each op's CID is present.
     */
    private static byte[] eventBlocks(CommitResult commit, List<ResolvedWrite> writes) {
        BlockMap blocks = new BlockMap();
        blocks.putAll(commit.newBlocks());
        Mst tree = commit.repository().mst();
        Set<String> keys = new LinkedHashSet<>();
        for (ResolvedWrite write : writes) keys.add(write.path().toString());
        for (String key : keys) blocks.putAll(tree.coveringProof(key));
        for (ResolvedWrite write : writes) {
            write.newRecord().filter(r -> !blocks.contains(r.cid())).ifPresent(r -> blocks.put(r.block()));
        }
        return CarSlices.of(commit.cid(), blocks.blocks());
    }
}
