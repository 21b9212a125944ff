package org.auroralocus.atproto.mst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stored nodes that break the spec are refused as they are read, whatever reads them. */
class NodeCodecTest {
    // the digit after the letter is the key's height, as in the kit's mst/example_keys.txt (checked below)
    private static final String A0 = "A0/374913";
    private static final String A0_NEIGHBOUR = "A0/374999";
    private static final String C0 = "C0/451630";
    private static final String E0 = "E0/670489";
    private static final String B1 = "B1/986427";
    private static final Cid LEAF = TestKeys.value(1);

    private final BlockMap blocks = new BlockMap();

    @BeforeAll
    static void keysHaveTheHeightsTheirNamesSay() {
        for (String key : List.of(A0, A0_NEIGHBOUR, C0, E0, B1)) assertEquals(key.charAt(1) - '0', MstKey.height(MstKey.bytes(key)), key);
    }

    @Test
    void wellFormedNodesLoad() {
        Cid leaf = node(null, entry(0, A0, null));
        Cid root = node(link(leaf), entry(0, B1, link(node(null, entry(0, C0, null), entry(0, E0, null)))));
        Mst tree = Mst.load(blocks, root);
        assertEquals(List.of(A0, B1, C0, E0), tree.entries().map(MstEntry::key).toList());
        assertEquals(Mst.build(new BlockMap(), java.util.Map.of(A0, LEAF, B1, LEAF, C0, LEAF, E0, LEAF)).rootCid(), root);
    }

    @Test
    void keyAtTheWrongHeightIsRefused() {
        refused(node(null, entry(0, A0, null), entry(0, B1, null)), "height");
    }

    @Test
    void keysOutOfOrderAreRefused() {
        refused(node(null, entry(0, C0, null), entry(0, A0, null)), "order");
    }

    @Test
    void prefixThatIsNotTheWholeSharedPrefixIsRefused() {
        // A0/374913 then A0/374999 share "A0/3749", written here as sharing only "A0/"
        refused(node(null, entry(0, A0, null), entry(3, A0_NEIGHBOUR, null)), "shared prefix");
    }

    @Test
    void prefixLongerThanThePreviousKeyIsRefused() {
        refused(node(null, entry(0, A0, null), map(20, "x", null)), "prefix length");
    }

    @Test
    void nodeWithAnExtraOrMissingFieldIsRefused() {
        refused(put(DataValue.map("e", DataValue.list(List.of()), "l", DataValue.ofNull(), "x", DataValue.of(1))), "exactly");
        refused(put(DataValue.map("e", DataValue.list(List.of(DataValue.map("k", bytes(A0), "p", DataValue.of(0), "v", DataValue.of(LEAF)))),
                "l", DataValue.ofNull())), "exactly");
    }

    @Test
    void subtreeBelowHeightZeroIsRefused() {
        Cid child = node(null, entry(0, C0, null));
        refused(node(null, entry(0, A0, link(child))), "height 0");
    }

    @Test
    void rootWithOnlyASubtreeIsRefused() {
        Cid child = node(null, entry(0, A0, null));
        refused(node(link(child)), "root has no entries");
    }

    @Test
    void emptyNodeBelowTheRootIsRefused() {
        Cid empty = node(null);
        refused(node(link(empty), entry(0, B1, null)), "empty node");
    }

    @Test
    void subtreeKeysOutsideTheirRangeAreRefused() {
        Cid misplaced = node(null, entry(0, C0, null));
        refused(node(link(misplaced), entry(0, B1, null)), "outside the range");
    }

    @Test
    void blockThatDoesNotMatchItsCidIsRefused() {
        Cid real = node(null, entry(0, A0, null));
        blocks.put(real, DagCbor.encode(DataValue.map("e", DataValue.list(List.of(entry(0, C0, null))), "l", DataValue.ofNull())));
        refused(real, "do not match");
    }

    @Test
    void invalidKeyInAStoredNodeIsRefused() {
        refused(node(null, map(0, "no slash at all", null)), "valid MST key");
    }

    private void refused(Cid root, String why) {
        InvalidMstException e = assertThrows(InvalidMstException.class, () -> Mst.load(blocks, root).entries().toList());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private Cid node(DataValue left, DataValue... entries) {
        return put(DataValue.map("e", DataValue.list(List.of(entries)), "l", left == null ? DataValue.ofNull() : left));
    }

    private Cid put(DataValue value) {
        Block block = DagCbor.block(value);
        blocks.put(block);
        return block.cid();
    }

    /** An entry for the full key; {@code prefix} bytes of it are left out as shared with the previous key. */
    private static DataValue entry(int prefix, String key, DataValue subtree) {
        return map(prefix, key.substring(prefix), subtree);
    }

    private static DataValue map(int prefix, String suffix, DataValue subtree) {
        List<Object> fields = new ArrayList<>(List.of("k", bytes(suffix), "p", DataValue.of(prefix), "v", DataValue.of(LEAF)));
        fields.addAll(List.of("t", subtree == null ? DataValue.ofNull() : subtree));
        return DataValue.map(fields.toArray());
    }

    private static DataValue bytes(String text) {
        return DataValue.bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static DataValue link(Cid cid) {
        return DataValue.of(cid);
    }
}
