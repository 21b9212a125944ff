package org.auroralocus.atproto.mst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.junit.jupiter.api.Test;

class MstTest {
    private static final Cid EMPTY_ROOT = Cid.parse("bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");
    /** The record CID the reference implementation's known-tree tests map every key to. */
    private static final Cid LEAF = Cid.parse("bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454");

    @Test
    void emptyTreeHasTheKnownRootCid() {
        Mst empty = Mst.empty(new BlockMap());
        assertEquals(EMPTY_ROOT, empty.rootCid());
        assertEquals(0, empty.leafCount());
        assertEquals(EMPTY_ROOT, Mst.build(new BlockMap(), Map.of()).rootCid());
    }

    @Test
    void knownSmallTreesHaveTheReferenceRootCids() {
        Mst trivial = Mst.empty(new BlockMap()).add("com.example.record/3jqfcqzm3fo2j", LEAF);
        assertEquals(Cid.parse("bafyreibj4lsc3aqnrvphp5xmrnfoorvru4wynt6lwidqbm2623a6tatzdu"), trivial.rootCid());

        Mst layer2 = Mst.empty(new BlockMap()).add("com.example.record/3jqfcqzm3fx2j", LEAF);
        assertEquals(Cid.parse("bafyreih7wfei65pxzhauoibu3ls7jgmkju4bspy4t2ha2qdjnzqvoy33ai"), layer2.rootCid());

        Mst simple = Mst.empty(new BlockMap());
        for (String rkey : List.of("3jqfcqzm3fp2j", "3jqfcqzm3fr2j", "3jqfcqzm3fs2j", "3jqfcqzm3ft2j", "3jqfcqzm4fc2j")) {
            simple = simple.add("com.example.record/" + rkey, LEAF);
        }
        assertEquals(Cid.parse("bafyreicmahysq4n6wfuxo522m6dpiy7z7qzym3dzs756t5n7nfdgccwq7m"), simple.rootCid());
        assertEquals(5, simple.leafCount());
    }

    @Test
    void rootDoesNotDependOnInsertionOrder() {
        Random random = new Random(1);
        List<String> keys = TestKeys.keys(random, 3000);
        Map<String, Cid> entries = TestKeys.entries(keys);
        Cid built = Mst.build(new BlockMap(), entries).rootCid();
        for (int round = 0; round < 4; round++) {
            List<String> order = new ArrayList<>(keys);
            Collections.shuffle(order, random);
            Mst tree = Mst.empty(new BlockMap());
            for (String key : order) tree = tree.add(key, entries.get(key));
            assertEquals(built, tree.rootCid(), "insertion order " + round);
        }
    }

    @Test
    void deletingEveryKeyGivesTheEmptyRoot() {
        Random random = new Random(2);
        List<String> keys = TestKeys.keys(random, 1500);
        Mst tree = TestKeys.addAll(Mst.empty(new BlockMap()), TestKeys.entries(keys));
        Collections.shuffle(keys, random);
        for (String key : keys) tree = tree.delete(key);
        assertEquals(EMPTY_ROOT, tree.rootCid());
        assertEquals(0, tree.leafCount());
        assertEquals(EMPTY_ROOT, tree.add(keys.get(0), TestKeys.value(0)).delete(keys.get(0)).rootCid());
    }

    @Test
    void deletingKeysGivesTheTreeBuiltWithoutThem() {
        Random random = new Random(3);
        List<String> keys = TestKeys.keys(random, 2000);
        Map<String, Cid> entries = TestKeys.entries(keys);
        Mst tree = Mst.build(new BlockMap(), entries);
        Map<String, Cid> remaining = new TreeMap<>(entries);
        for (int i = 0; i < keys.size(); i += 3) {
            tree = tree.delete(keys.get(i));
            remaining.remove(keys.get(i));
        }
        assertEquals(Mst.build(new BlockMap(), remaining).rootCid(), tree.rootCid());
        assertEquals(List.copyOf(remaining.keySet()), tree.entries().map(MstEntry::key).toList());
    }

    @Test
    void getFindsEveryKeyAndNothingElse() {
        Random random = new Random(4);
        List<String> keys = TestKeys.keys(random, 1000);
        Map<String, Cid> entries = TestKeys.entries(keys.subList(0, 500));
        Mst tree = Mst.build(new BlockMap(), entries);
        entries.forEach((key, value) -> assertEquals(Optional.of(value), tree.get(key)));
        keys.subList(500, 1000).forEach(key -> assertEquals(Optional.empty(), tree.get(key)));
    }

    @Test
    void updateChangesOnlyThatKeyAndLeavesTheOldTreeAlone() {
        Map<String, Cid> entries = TestKeys.entries(TestKeys.keys(new Random(5), 300));
        Mst tree = Mst.build(new BlockMap(), entries);
        String key = entries.keySet().iterator().next();
        Mst updated = tree.update(key, TestKeys.value(-1));
        assertEquals(Optional.of(TestKeys.value(-1)), updated.get(key));
        assertEquals(Optional.of(entries.get(key)), tree.get(key));
        Map<String, Cid> expected = new TreeMap<>(entries);
        expected.put(key, TestKeys.value(-1));
        assertEquals(Mst.build(new BlockMap(), expected).rootCid(), updated.rootCid());
        assertEquals(tree.rootCid(), updated.update(key, entries.get(key)).rootCid());
    }

    @Test
    void addOfAnExistingKeyFails() {
        Mst tree = Mst.empty(new BlockMap()).add("com.example.record/a", LEAF);
        MstKeyExistsException e = assertThrows(MstKeyExistsException.class, () -> tree.add("com.example.record/a", LEAF));
        assertEquals("com.example.record/a", e.key());
    }

    @Test
    void updateOrDeleteOfAMissingKeyFails() {
        Mst tree = Mst.build(new BlockMap(), TestKeys.entries(TestKeys.keys(new Random(6), 200)));
        assertThrows(MstKeyNotFoundException.class, () -> tree.update("com.example.record/missing", LEAF));
        MstKeyNotFoundException e = assertThrows(MstKeyNotFoundException.class, () -> tree.delete("com.example.record/missing"));
        assertEquals("com.example.record/missing", e.key());
        assertThrows(MstKeyNotFoundException.class, () -> Mst.empty(new BlockMap()).delete("com.example.record/missing"));
    }

    @Test
    void invalidKeysAreRejected() {
        Mst tree = Mst.empty(new BlockMap());
        for (String key : List.of("", "asdf", "nested/collection/asdf", "coll/", "/rkey", "coll/jalapeño",
                "coll/key$", "coll/any space", "coll/#extra", "coll/number[3]", "coll/..", "./rkey", "coll/" + "a".repeat(1020))) {
            assertThrows(InvalidMstKeyException.class, () -> tree.add(key, LEAF), key);
        }
        for (String key : List.of("coll/3jui7kd2xs22b", "com.example/rkey", "coll/self", "coll/~1.2-3_", "coll/pre:fix", "coll/_",
                "coll/" + "a".repeat(1019))) {
            assertEquals(Optional.of(LEAF), tree.add(key, LEAF).get(key), key);
        }
    }

    @Test
    void loadingFromStoredBlocksGivesTheSameTree() {
        Map<String, Cid> entries = new TreeMap<>(TestKeys.entries(TestKeys.keys(new Random(7), 2000)));
        Mst built = Mst.build(new BlockMap(), entries);
        BlockMap storage = built.newBlocks();
        Mst loaded = Mst.load(storage, built.rootCid());
        assertEquals(built.rootCid(), loaded.rootCid());
        assertEquals(entries.entrySet().stream().map(e -> new MstEntry(e.getKey(), e.getValue())).toList(),
                loaded.entries().toList());
        assertEquals(entries.size(), loaded.leafCount());
        String key = entries.keySet().iterator().next();
        assertEquals(Optional.of(entries.get(key)), loaded.get(key));
    }

    @Test
    void editingALoadedTreeReadsAndWritesOnlyThePath() {
        Map<String, Cid> entries = TestKeys.entries(TestKeys.keys(new Random(8), 5000));
        BlockMap storage = Mst.build(new BlockMap(), entries).newBlocks();
        Cid root = Mst.build(new BlockMap(), entries).rootCid();
        AtomicInteger reads = new AtomicInteger();
        BlockSource counting = cid -> {
            reads.incrementAndGet();
            return storage.get(cid);
        };
        Mst edited = Mst.load(counting, root).add("com.example.record/3kzzzzzzzzzzz", LEAF);
        Cid editedRoot = edited.rootCid();
        assertTrue(reads.get() < 20, "read " + reads.get() + " of " + storage.size() + " nodes");
        BlockMap written = edited.newBlocks();
        assertTrue(written.size() < 20 && written.contains(editedRoot), "wrote " + written.size() + " nodes");
        for (Cid cid : written.cids()) assertTrue(!storage.contains(cid), "rewrote stored node " + cid);
    }

    @Test
    void entriesFromStartAtTheGivenKey() {
        Map<String, Cid> entries = new TreeMap<>(TestKeys.entries(TestKeys.keys(new Random(9), 1000)));
        Mst tree = Mst.build(new BlockMap(), entries);
        List<String> keys = List.copyOf(entries.keySet());
        assertEquals(keys.subList(400, 410), tree.entriesFrom(keys.get(400)).limit(10).map(MstEntry::key).toList());
        String between = keys.get(600) + "0";
        assertEquals(keys.get(601), tree.entriesFrom(between).findFirst().orElseThrow().key());
        assertEquals(keys.size(), tree.entriesFrom("a/a").count());
        assertEquals(0, tree.entriesFrom("zzz/z").count());
        assertEquals(keys.subList(0, 500).stream().filter(k -> k.startsWith("app.bsky.feed.like/")).toList(),
                tree.entriesFrom("app.bsky.feed.like/0").map(MstEntry::key)
                        .takeWhile(k -> k.startsWith("app.bsky.feed.like/")).filter(k -> keys.indexOf(k) < 500).toList());
    }

    @Test
    void tenThousandKeysAddAndHashQuickly() {
        List<String> keys = TestKeys.keys(new Random(10), 10_000);
        Map<String, Cid> entries = TestKeys.entries(keys);
        Mst.build(new BlockMap(), entries).rootCid(); // warm up the JIT a little
        long start = System.nanoTime();
        Mst tree = Mst.empty(new BlockMap());
        for (Map.Entry<String, Cid> e : entries.entrySet()) tree = tree.add(e.getKey(), e.getValue());
        Cid incremental = tree.rootCid();
        Duration added = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        Cid bulk = Mst.build(new BlockMap(), entries).rootCid();
        Duration built = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(bulk, incremental);
        // generous bounds for a loaded CI machine; on a laptop both take well under 200 ms
        assertTrue(added.toMillis() < 3000, "10,000 adds and the root took " + added.toMillis() + " ms");
        assertTrue(built.toMillis() < 3000, "building 10,000 keys took " + built.toMillis() + " ms");
    }
}
