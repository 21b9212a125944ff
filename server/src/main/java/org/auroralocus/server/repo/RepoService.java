package org.auroralocus.server.repo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.lexicon.LexiconRegistry;
import org.auroralocus.atproto.lexicon.ValuePath;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.RepoRecord;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.repo.UnsignedCommit;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable;
import org.auroralocus.server.actor.db.RecordTable;
import org.auroralocus.server.blob.BlobStore;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.Sequencer;

/**
 * Creates, changes and reads repositories. Every record write goes through {@link #applyWrites}:
 * one transaction of the actor store, then the blob store, then the sequencer; the caller is
 * answered after all three.
 *
 * <p>Blob bytes move only after the transaction has committed, so the repository's single writer
 * never waits on a disk or S3 copy. The order makes every crash recoverable: a referenced blob
 * keeps its {@code temp_key} until its bytes are permanent ({@code makePermanent} first, then the
 * row is marked in a second small transaction), so a crash in between leaves a row that is both
 * referenced and temporary, which the blob cleanup must finish promoting (the move is idempotent)
 * and never delete. Bytes of blobs no longer referenced are deleted last; a crash before that leaks
 * bytes, never loses any that a record needs.
 */
public final class RepoService {
    /** The most writes one commit takes, as the official PDS. */
    public static final int MAX_WRITES = 200;
    private static final System.Logger LOG = System.getLogger(RepoService.class.getName());

    private final ActorStores actors;
    private final Sequencer sequencer;
    private final BlobStore blobStore;
    private final TidClock revs;
    private final Clock clock;
    private final WritePreparer preparer;
    private final CommitOrder order = new CommitOrder();

    /** Six collaborators: the three stores a write touches, the record schemas, and the two clocks. */
    public RepoService(ActorStores actors, Sequencer sequencer, BlobStore blobStore, LexiconRegistry lexicons, TidClock revs,
                       Clock clock) {
        this.actors = actors;
        this.sequencer = sequencer;
        this.blobStore = blobStore;
        this.revs = revs;
        this.clock = clock;
        this.preparer = new WritePreparer(lexicons, revs);
    }

    /** Creates the actor store and the first, empty, signed commit of a new account's repository. */
    public CommitResult createRepo(Did did, KeyPair signingKey) {
        actors.create(did, signingKey);
        Tid rev = revs.next();
        CommitResult created = actors.transact(did, tx -> {
            CommitResult result = Repository.create(tx.blocks(), did, signingKey, rev);
            tx.storeCommit(result, clock.instant());
            return result;
        });
        LOG.log(System.Logger.Level.INFO, "repository created did={0} rev={1}", did, rev);
        return created;
    }

    /** Removes a repository for good: one that never became an account (creation failed half way), or a deleted account's. */
    public void destroyRepo(Did did) {
        actors.destroy(did);
        order.forget(did);
    }

    /**
     * Applies a batch of writes (applyWrites) as one commit, all or nothing. Validation messages
     * place each record at {@code $.writes[i].record}, as the official PDS does.
     *
     * @throws RepoWriteException when the client's request cannot be applied; nothing has changed
     */
    public WriteOutcome applyWrites(Did did, List<RepoWrite> writes, Optional<Cid> swapCommit, Validation validation) {
        if (writes.size() > MAX_WRITES) throw RepoWriteException.invalid("Too many writes. Max: " + MAX_WRITES);
        return write(did, writes, swapCommit, validation, i -> ValuePath.of("writes", i, "record"));
    }

    /** One write (createRecord, putRecord, deleteRecord); validation messages place the record at {@code $.record}. */
    public WriteOutcome applyWrite(Did did, RepoWrite write, Optional<Cid> swapCommit, Validation validation) {
        return write(did, List.of(write), swapCommit, validation, i -> LexiconRegistry.RECORD_ROOT);
    }

    private WriteOutcome write(Did did, List<RepoWrite> writes, Optional<Cid> swapCommit, Validation validation,
                               IntFunction<ValuePath> roots) {
        List<PreparedWrite> prepared = preparer.prepare(did, writes, validation, roots);
        WriteTransaction transaction = new WriteTransaction(did, prepared, swapCommit, actors.signingKey(did), revs,
                clock.instant(), order);
        WriteTransaction.Outcome outcome;
        try {
            outcome = actors.transact(did, transaction::run);
        } catch (RuntimeException e) {
            transaction.turn().ifPresent(CommitOrder.Turn::abandon);
            throw e;
        }
        return switch (outcome) {
            case WriteTransaction.Unchanged u -> new WriteOutcome(Optional.empty(), u.results());
            case WriteTransaction.Committed c -> {
                try {
                    c.turn().awaitPrevious();
                    promoteBlobs(did, c.blobs().toPromote());
                    sequencer.append(c.event());
                } finally {
                    c.turn().done();
                }
                deleteBlobBytes(did, c.blobs().deleted());
                LOG.log(System.Logger.Level.DEBUG, "commit did={0} rev={1} ops={2}", did, c.commit().rev(), c.event().ops().size());
                yield new WriteOutcome(Optional.of(c.commit()), c.results());
            }
        };
    }

    /**
     * Replaces the account's repository with the one in {@code car} (importRepo, for account
     * migration): every block the imported commit reaches is stored, its records indexed with their
     * blob references (blobs not uploaded yet are what listMissingBlobs reports), all in one
     * transaction of the actor store; then a {@code #sync} of the new commit is sequenced. The commit
     * is re-signed with this server's key at a new rev, keeping its data root, so the repository
     * verifies against the key the DID document names once the migration is done, and revs keep
     * increasing for relays.
     *
     * @param maxSize the most bytes of CAR read ({@code PDS_MAX_REPO_IMPORT_SIZE})
     * @throws RepoImportException when the CAR is refused; nothing has changed
     */
    public CommitMeta importRepo(Did did, InputStream car, long maxSize) {
        ImportedRepo imported = ImportedRepo.read(did, car, maxSize);
        KeyPair key = actors.signingKey(did);
        Instant now = clock.instant();
        List<CommitOrder.Turn> taken = new ArrayList<>(1);
        Commit commit;
        try {
            commit = actors.transact(did, tx -> {
                Tid current = tx.root().map(RepoRootTable.RepoRoot::rev).orElse(imported.repo().rev());
                Tid rev = WriteTransaction.nextRev(revs, current.compareTo(imported.repo().rev()) > 0 ? current : imported.repo().rev());
                Commit signed = UnsignedCommit.of(did, imported.repo().commit().data(), rev).sign(key);
                imported.store(tx, signed, now);
                taken.add(order.take(did)); // last: nothing after it in the transaction can fail
                return signed;
            });
        } catch (RuntimeException e) {
            taken.forEach(CommitOrder.Turn::abandon);
            throw e;
        }
        Block commitBlock = commit.toBlock();
        CommitOrder.Turn turn = taken.getFirst();
        try {
            turn.awaitPrevious();
            sequencer.append(new RepoEvent.SyncEvent(did, commit.rev(), CarSlices.of(commitBlock.cid(), List.of(commitBlock))));
        } finally {
            turn.done();
        }
        LOG.log(System.Logger.Level.INFO, "repository imported did={0} rev={1} records={2}", did, commit.rev(),
                imported.records().size());
        return new CommitMeta(commitBlock.cid(), commit.rev());
    }

    /**
     * Moves newly referenced uploads to the permanent area, then marks them so. The record is
     * committed already: a failure here must not keep its event from the firehose, so it is logged
     * and the row stays referenced-but-temporary for the blob cleanup to finish.
     */
    private void promoteBlobs(Did did, Map<Cid, String> toPromote) {
        if (toPromote.isEmpty()) return;
        List<Cid> moved = new ArrayList<>(toPromote.size());
        for (Map.Entry<Cid, String> blob : toPromote.entrySet()) {
            try {
                blobStore.makePermanent(did, blob.getValue(), blob.getKey());
                moved.add(blob.getKey());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "blob not made permanent yet did=" + did + " cid=" + blob.getKey(), e);
            }
        }
        if (moved.isEmpty()) return;
        actors.transact(did, tx -> {
            for (Cid cid : moved) tx.blobs().markPermanent(cid);
            return null;
        });
    }

    /** Deletes the bytes of blobs whose rows the commit removed; a failure only leaks storage. */
    private void deleteBlobBytes(Did did, List<Cid> deleted) {
        if (deleted.isEmpty()) return;
        try {
            blobStore.delete(did, deleted);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "bytes of deleted blobs left behind did=" + did + " cids=" + deleted, e);
        }
    }

    /** The record at {@code path}, at {@code cid} when given; empty if absent or taken down. */
    public Optional<RepoRecord> getRecord(Did did, RecordPath path, Optional<Cid> cid) {
        return actors.read(did, r -> r.record(AtUri.of(did, path.collection(), path.rkey()), cid)).map(RepoService::decoded);
    }

    /** A page of a collection's records, newest key first unless {@code reverse}; {@code cursor} is the previous page's last key. */
    public List<RepoRecord> listRecords(Did did, Nsid collection, int limit, Optional<String> cursor, boolean reverse) {
        return actors.read(did, r -> r.listRecords(collection, limit, cursor, reverse)).stream().map(RepoService::decoded).toList();
    }

    /** The collections that hold at least one record, sorted. */
    public List<Nsid> collections(Did did) {
        return actors.read(did, r -> r.collections());
    }

    private static RepoRecord decoded(RecordTable.StoredRecord stored) {
        RecordPath path = new RecordPath(stored.uri().collection().orElseThrow(), stored.uri().rkey().orElseThrow());
        if (!(DagCbor.decode(stored.block()) instanceof DataValue.MapValue value)) {
            throw new IllegalStateException("record " + stored.uri() + " is not a map");
        }
        return new RepoRecord(path, stored.cid(), value);
    }

    /**
     * A {@code #sync} of the repository's current commit, from which a relay can resynchronise
     * (sent when an account is activated again, as the official PDS does).
     *
     * @throws org.auroralocus.server.actor.ActorNotFoundException when no repository is hosted for the DID
     */
    public RepoEvent.SyncEvent syncEvent(Did did) {
        return actors.read(did, r -> {
            var root = r.root().orElseThrow(() -> new IllegalStateException("repository of " + did + " has no commit"));
            Block commit = new Block(root.cid(), r.blocks().require(root.cid()));
            return new RepoEvent.SyncEvent(did, root.rev(), CarSlices.of(root.cid(), List.of(commit)));
        });
    }

    /**
     * Announces a new account on the firehose, in the official order: {@code #identity},
     * {@code #account} (active), the first {@code #commit} (no ops), and a {@code #sync} of it.
     */
    public void announceNewAccount(Did did, Handle handle, CommitResult created) {
        sequencer.append(new RepoEvent.IdentityEvent(did, Optional.of(handle)));
        sequencer.append(new RepoEvent.AccountEvent(did, true, Optional.empty()));
        sequencer.append(new RepoEvent.CommitEvent(did, created.cid(), created.commit().rev(), Optional.empty(),
                CarSlices.of(created.cid(), created.newBlocks().blocks()), List.of(), List.of(), Optional.empty()));
        Block commitBlock = created.commit().toBlock();
        sequencer.append(new RepoEvent.SyncEvent(did, created.commit().rev(),
                CarSlices.of(commitBlock.cid(), List.of(commitBlock))));
    }
}
