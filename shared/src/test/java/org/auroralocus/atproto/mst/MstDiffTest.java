package org.auroralocus.atproto.mst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.junit.jupiter.api.Test;

class MstDiffTest {

    @Test
    void diffMatchesABruteForceComparison() {
        Random random = new Random(20);
        for (int round = 0; round < 30; round++) {
            List<String> keys = TestKeys.keys(random, 1 + random.nextInt(round < 10 ? 20 : 800));
            Map<String, Cid> before = new TreeMap<>(TestKeys.entries(keys));
            Map<String, Cid> after = mutate(random, before, 1 + random.nextInt(round < 10 ? 3 : 40));
            Mst older = stored(before);
            Mst newer = apply(older, expectedChanges(before, after));

            MstDiff diff = newer.diffSince(older);
            assertEquals(expectedChanges(before, after), diff.changes(), "round " + round);
            Set<Cid> oldNodes = allNodes(before);
            Set<Cid> newNodes = allNodes(after);
            assertEquals(minus(newNodes, oldNodes), Set.copyOf(diff.newBlocks().cids()), "new nodes, round " + round);
            assertEquals(minus(oldNodes, newNodes), diff.removedCids(), "removed nodes, round " + round);
            for (Block block : diff.newBlocks().blocks()) assertEquals(block.cid(), Cid.ofDagCbor(block.bytes()));
        }
    }

    @Test
    void identicalTreesHaveNoDiffAndAnEmptyTreeDiffsToCreates() {
        Map<String, Cid> entries = new TreeMap<>(TestKeys.entries(TestKeys.keys(new Random(21), 300)));
        Mst tree = Mst.build(new BlockMap(), entries);
        MstDiff none = tree.diffSince(Mst.build(new BlockMap(), entries));
        assertTrue(none.isEmpty());
        assertEquals(0, none.newBlocks().size());
        assertEquals(Set.of(), none.removedCids());

        MstDiff all = tree.diffSince(Mst.empty(new BlockMap()));
        assertEquals(entries.entrySet().stream().map(e -> (MstChange) new MstChange.Create(e.getKey(), e.getValue())).toList(),
                all.changes());
        assertEquals(allNodes(entries), Set.copyOf(all.newBlocks().cids()));
        assertEquals(Set.of(Mst.empty(new BlockMap()).rootCid()), all.removedCids());
    }

    @Test
    void diffReadsOnlyTheNodesThatDiffer() {
        Map<String, Cid> entries = TestKeys.entries(TestKeys.keys(new Random(22), 5000));
        Mst built = Mst.build(new BlockMap(), entries);
        BlockMap storage = built.newBlocks();
        AtomicInteger reads = new AtomicInteger();
        BlockSource counting = cid -> {
            reads.incrementAndGet();
            return storage.get(cid);
        };
        Mst before = Mst.load(counting, built.rootCid());
        Mst after = before.delete(entries.keySet().iterator().next());
        reads.set(0);
        MstDiff diff = after.diffSince(before);
        assertEquals(1, diff.changes().size());
        assertTrue(reads.get() < 30, "read " + reads.get() + " of " + storage.size() + " nodes");
    }

    /**
     * The sync v1.1 property behind a #commit's blocks: from those blocks alone, undoing the
     * commit's operations in any order gives the previous root.
     */
    @Test
    void commitBlocksAloneUndoRandomCommits() {
        Random random = new Random(23);
        for (int round = 0; round < 300; round++) {
            int size = round % 3 == 0 ? 1 + random.nextInt(12) : 1 + random.nextInt(400);
            Map<String, Cid> entries = new TreeMap<>(TestKeys.entries(TestKeys.keys(random, size)));
            Mst before = stored(entries);
            Map<String, Cid> changed = mutate(random, entries, 1 + random.nextInt(8));
            List<MstChange> ops = expectedChanges(entries, changed);
            Mst after = apply(before, ops);
            BlockMap sent = after.commitBlocks(before);

            List<MstChange> undo = new ArrayList<>(ops);
            Collections.shuffle(undo, random);
            Mst inverted = Mst.load(sent, after.rootCid());
            for (MstChange op : undo) {
                inverted = switch (op) {
                    case MstChange.Create c -> inverted.delete(c.key());
                    case MstChange.Update u -> inverted.update(u.key(), u.previous());
                    case MstChange.Delete d -> inverted.add(d.key(), d.previous());
                };
            }
            assertEquals(before.rootCid(), inverted.rootCid(), "round " + round + ", ops " + ops);
        }
    }

    /** The tree of these entries as the server has it: written to storage, then loaded by its root. */
    private static Mst stored(Map<String, Cid> entries) {
        Mst built = Mst.build(new BlockMap(), entries);
        return Mst.load(built.newBlocks(), built.rootCid());
    }

    private static Mst apply(Mst tree, List<MstChange> changes) {
        for (MstChange change : changes) {
            tree = switch (change) {
                case MstChange.Create c -> tree.add(c.key(), c.cid());
                case MstChange.Update u -> tree.update(u.key(), u.cid());
                case MstChange.Delete d -> tree.delete(d.key());
            };
        }
        return tree;
    }

    /** The entries with some keys deleted, some updated and some created. */
    private static Map<String, Cid> mutate(Random random, Map<String, Cid> entries, int count) {
        Map<String, Cid> out = new TreeMap<>(entries);
        List<String> keys = new ArrayList<>(entries.keySet());
        List<String> fresh = TestKeys.keys(random, count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(3);
            if (kind == 0 || keys.isEmpty()) {
                if (!out.containsKey(fresh.get(i))) out.put(fresh.get(i), TestKeys.value(random.nextInt()));
            } else {
                String key = keys.remove(random.nextInt(keys.size()));
                if (kind == 1) out.remove(key);
                else out.put(key, TestKeys.value(random.nextInt()));
            }
        }
        return out;
    }

    private static List<MstChange> expectedChanges(Map<String, Cid> before, Map<String, Cid> after) {
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<MstChange> changes = new ArrayList<>();
        for (String key : keys) {
            Cid old = before.get(key);
            Cid now = after.get(key);
            if (old == null) changes.add(new MstChange.Create(key, now));
            else if (now == null) changes.add(new MstChange.Delete(key, old));
            else if (!old.equals(now)) changes.add(new MstChange.Update(key, old, now));
        }
        return changes;
    }

    /** Every node of the tree of these entries: all of it is new against an empty block source. */
    private static Set<Cid> allNodes(Map<String, Cid> entries) {
        return new HashSet<>(Mst.build(new BlockMap(), entries).newBlocks().cids());
    }

    private static Set<Cid> minus(Set<Cid> a, Set<Cid> b) {
        Set<Cid> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
