package org.auroralocus.atproto.repo;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.crypto.Signer;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.mst.MstChange;
import org.auroralocus.atproto.mst.MstDiff;
import org.auroralocus.atproto.mst.MstKeyExistsException;
import org.auroralocus.atproto.mst.MstKeyNotFoundException;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;

/** Turns a batch of record writes into the next signed commit and the blocks that go with it. */
final class Committer {
    private Committer() {}

    static CommitResult create(BlockSource storage, Did did, Signer signer, Tid rev) {
        Mst empty = Mst.empty(storage);
        Signed signed = sign(storage, UnsignedCommit.of(did, empty.rootCid(), rev), signer, empty, empty.newBlocks());
        return new CommitResult(signed.repository, signed.blocks, Set.of(), List.of(), Optional.empty(), Optional.empty());
    }

    static CommitResult apply(Repository current, List<RecordWrite> writes, Signer signer, Tid rev) {
        if (rev.compareTo(current.rev()) <= 0) {
            throw new RepoException("revision " + rev + " is not after the current revision " + current.rev());
        }
        Mst before = current.mst();
        Mst after = before;
        BlockMap records = new BlockMap();
        for (RecordWrite write : writes) after = applyOne(after, write, records);

        MstDiff diff = after.diffSince(before);
        BlockMap blocks = diff.newBlocks();
        Set<Cid> removed = new HashSet<>(diff.removedCids());
        removed.add(current.commitCid());
        for (MstChange change : diff.changes()) {
            switch (change) {
                case MstChange.Create c -> blocks.put(c.cid(), records.require(c.cid()));
                case MstChange.Update u -> {
                    blocks.put(u.cid(), records.require(u.cid()));
                    removed.add(u.previous());
                }
                case MstChange.Delete d -> removed.add(d.previous());
            }
        }
        // a record deleted at one path and written at another (or back) in the same batch stays
        removed.removeAll(blocks.cids());
        Signed signed = sign(current.blocks(), UnsignedCommit.of(current.did(), after.rootCid(), rev), signer, after, blocks);
        return new CommitResult(signed.repository, signed.blocks, removed, diff.changes(),
                Optional.of(current.rev()), Optional.of(current.commit().data()));
    }

    private static Mst applyOne(Mst tree, RecordWrite write, BlockMap records) {
        String key = write.path().toString();
        try {
            return switch (write) {
                case RecordWrite.Create c -> tree.add(key, records.put(c.value()));
                case RecordWrite.Update u -> tree.update(key, records.put(u.value()));
                case RecordWrite.Delete d -> tree.delete(key);
            };
        } catch (MstKeyExistsException e) {
            throw new RepoException("cannot create " + key + ": the record already exists", e);
        } catch (MstKeyNotFoundException e) {
            throw new RepoException("cannot " + (write instanceof RecordWrite.Update ? "update " : "delete ") + key + ": there is no such record", e);
        }
    }

    private record Signed(Repository repository, BlockMap blocks) {}

    /**
     * Signs the commit and puts its block first among the new blocks. The new repository reads those
     * blocks before {@code storage}, so it works before the caller has stored them.
     */
    private static Signed sign(BlockSource storage, UnsignedCommit unsigned, Signer signer, Mst tree, BlockMap contentBlocks) {
        Commit commit = unsigned.sign(signer);
        Block commitBlock = commit.toBlock();
        BlockMap newBlocks = new BlockMap();
        newBlocks.put(commitBlock);
        newBlocks.putAll(contentBlocks);
        BlockSource overlay = cid -> newBlocks.get(cid).or(() -> storage.get(cid));
        return new Signed(new Repository(overlay, commitBlock.cid(), commit, tree), newBlocks);
    }
}
