package org.auroralocus.atproto.mst;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;

/**
 * What turns one tree into another: the key changes in key order, the MST node blocks the newer
 * tree has and the older lacks (what a commit stores and sends), and the CIDs of the older tree's
 * nodes the newer no longer uses (what storage may drop). Record blocks are not part of it.
 */
public record MstDiff(List<MstChange> changes, BlockMap newBlocks, Set<Cid> removedCids) {
    public MstDiff {
        changes = List.copyOf(changes);
        Objects.requireNonNull(newBlocks);
        removedCids = Set.copyOf(removedCids);
    }

    /** The changed keys, in key order. */
    public List<String> keys() {
        return changes.stream().map(MstChange::key).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
