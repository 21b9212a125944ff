package org.auroralocus.atproto.mst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;

/**
 * Diffs two trees by reading only the nodes that differ. It goes down both trees one height at a
 * time, and a node whose CID is in both frontiers is dropped with its whole subtree: the same CID
 * is the same contents. This is exact because a CID fixes a node's height, and a non-empty node
 * holds keys that appear once per tree, so a shared node cannot hide under a shared ancestor in one
 * tree and sit elsewhere in the other.
 */
final class MstDiffer {
    private final Map<String, Cid> oldEntries = new HashMap<>();
    private final Map<String, Cid> newEntries = new HashMap<>();
    private final BlockMap newBlocks = new BlockMap();
    private final Set<Cid> removedCids = new HashSet<>();

    private MstDiffer() {}

    static MstDiff diff(MstNode before, MstNode after) {
        MstDiffer differ = new MstDiffer();
        differ.walk(before, after);
        return new MstDiff(differ.changes(), differ.newBlocks, differ.removedCids);
    }

    private void walk(MstNode before, MstNode after) {
        Map<Cid, MstNode> olds = new HashMap<>();
        Map<Cid, MstNode> news = new HashMap<>();
        for (int height = Math.max(before.height(), after.height()); height >= 0; height--) {
            if (height == before.height()) olds.put(before.cid(), before);
            if (height == after.height()) news.put(after.cid(), after);
            dropShared(olds, news);
            Map<Cid, MstNode> nextOlds = new HashMap<>();
            for (MstNode node : olds.values()) {
                removedCids.add(node.cid());
                expand(node, oldEntries, nextOlds);
            }
            Map<Cid, MstNode> nextNews = new HashMap<>();
            for (MstNode node : news.values()) {
                newBlocks.put(node.cid(), node.blockBytes());
                expand(node, newEntries, nextNews);
            }
            olds = nextOlds;
            news = nextNews;
        }
    }

    private static void dropShared(Map<Cid, MstNode> olds, Map<Cid, MstNode> news) {
        olds.keySet().removeIf(cid -> news.remove(cid) != null);
    }

    private static void expand(MstNode node, Map<String, Cid> entries, Map<Cid, MstNode> children) {
        for (int i = 0; i < node.size(); i++) entries.put(MstKey.text(node.key(i)), node.value(i));
        for (int i = 0; i <= node.size(); i++) {
            MstNode gap = node.gap(i);
            if (gap != null) children.put(gap.cid(), gap);
        }
    }

    private List<MstChange> changes() {
        // keys are ASCII, so String order is the spec's byte order
        Map<String, MstChange> changes = new TreeMap<>();
        newEntries.forEach((key, cid) -> {
            Cid previous = oldEntries.get(key);
            if (previous == null) changes.put(key, new MstChange.Create(key, cid));
            else if (!previous.equals(cid)) changes.put(key, new MstChange.Update(key, previous, cid));
        });
        oldEntries.forEach((key, previous) -> {
            if (!newEntries.containsKey(key)) changes.put(key, new MstChange.Delete(key, previous));
        });
        return new ArrayList<>(changes.values());
    }
}
