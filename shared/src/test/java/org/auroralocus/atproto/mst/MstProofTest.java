package org.auroralocus.atproto.mst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.DataValue.ListValue;
import org.auroralocus.atproto.cbor.DataValue.MapValue;
import org.junit.jupiter.api.Test;

class MstProofTest {
    private final Map<String, Cid> entries = new TreeMap<>(TestKeys.entries(TestKeys.keys(new Random(30), 3000)));
    private final Mst tree = Mst.build(new BlockMap(), entries);
    private final List<String> keys = new ArrayList<>(entries.keySet());

    @Test
    void proofShowsAPresentKeysValue() {
        for (String key : keys.subList(0, 50)) {
            BlockMap proof = tree.proofBlocks(key);
            assertEquals(Optional.of(entries.get(key)), Mst.verifyProof(tree.rootCid(), key, proof));
            assertTrue(proof.size() <= 12, "a path of " + proof.size() + " nodes");
        }
    }

    @Test
    void proofShowsAnAbsentKeyIsAbsent() {
        for (String key : TestKeys.keys(new Random(31), 50)) {
            if (entries.containsKey(key)) continue;
            assertEquals(Optional.empty(), Mst.verifyProof(tree.rootCid(), key, tree.proofBlocks(key)));
        }
    }

    @Test
    void proofWithAnAlteredValueFails() {
        String key = keys.get(1234);
        BlockMap proof = tree.proofBlocks(key);
        BlockMap tampered = new BlockMap();
        for (Block block : proof.blocks()) {
            tampered.put(block.cid(), block.decode() instanceof MapValue node && holdsKey(node)
                    ? DagCbor.encode(withFirstValue(node, TestKeys.value(-7)))
                    : block.bytes());
        }
        InvalidMstException e = assertThrows(InvalidMstException.class, () -> Mst.verifyProof(tree.rootCid(), key, tampered));
        assertTrue(e.getMessage().contains("do not match"), e.getMessage());
    }

    @Test
    void proofWithoutAllItsBlocksFails() {
        String key = keys.get(42);
        BlockMap proof = tree.proofBlocks(key);
        BlockMap incomplete = new BlockMap();
        List<Block> blocks = new ArrayList<>();
        proof.blocks().forEach(blocks::add);
        blocks.subList(0, blocks.size() - 1).forEach(incomplete::put);
        assertThrows(InvalidMstException.class, () -> Mst.verifyProof(tree.rootCid(), key, incomplete));
    }

    @Test
    void proofFromAnotherTreeFails() {
        String key = keys.get(7);
        Mst other = tree.update(key, TestKeys.value(-8));
        assertThrows(InvalidMstException.class, () -> Mst.verifyProof(tree.rootCid(), key, other.proofBlocks(key)));
    }

    @Test
    void coveringProofHoldsThePathsToTheKeyAndItsNeighbours() {
        for (int i : new int[] {0, 1, 500, 2998, 2999}) {
            String key = keys.get(i);
            BlockMap covering = tree.coveringProof(key);
            List<String> around = new ArrayList<>(List.of(key));
            if (i > 0) around.add(keys.get(i - 1));
            if (i < keys.size() - 1) around.add(keys.get(i + 1));
            for (String k : around) {
                assertTrue(covering.cids().containsAll(tree.proofBlocks(k).cids()), "path to " + k + " around " + key);
            }
        }
        String absent = keys.get(100) + "0";
        assertTrue(tree.coveringProof(absent).cids().containsAll(tree.proofBlocks(keys.get(101)).cids()));
    }

    private static boolean holdsKey(MapValue node) {
        return node.get("e").orElseThrow() instanceof ListValue list && !list.items().isEmpty();
    }

    private static MapValue withFirstValue(MapValue node, Cid value) {
        List<DataValue> items = new ArrayList<>(((ListValue) node.get("e").orElseThrow()).items());
        items.set(0, ((MapValue) items.get(0)).with("v", DataValue.of(value)));
        return node.with("e", DataValue.list(items));
    }
}
