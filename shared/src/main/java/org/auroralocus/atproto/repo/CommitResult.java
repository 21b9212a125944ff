package org.auroralocus.atproto.repo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.mst.MstChange;
import org.auroralocus.atproto.syntax.Tid;

/**
 * What one commit did: the repository after it, and what storage and the firehose need.
 *
 * @param repository the repository at the new commit (reads the new blocks before storage's)
 * @param newBlocks the commit block, new MST nodes and new record blocks: what storage must add
 * @param removedCids blocks the new commit no longer reaches: the previous commit, replaced MST nodes
 *     and the records deleted or replaced. A record CID can still be in use at another path (two
 *     identical records share one), so storage must check before dropping it
 * @param changes the record changes, in key order, with the CIDs before and after
 * @param since the previous revision, absent for a new repository
 * @param prevData the previous MST root (sync v1.1 {@code prevData}), absent for a new repository
 */
public record CommitResult(Repository repository, BlockMap newBlocks, Set<Cid> removedCids,
                           List<MstChange> changes, Optional<Tid> since, Optional<Cid> prevData) {
    public CommitResult {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(newBlocks, "newBlocks");
        removedCids = Set.copyOf(removedCids);
        changes = List.copyOf(changes);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(prevData, "prevData");
    }

    public Commit commit() {
        return repository.commit();
    }

    public Cid cid() {
        return repository.commitCid();
    }
}
