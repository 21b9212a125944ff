package org.auroralocus.atproto.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {
    @Test
    void blocksAreEqualByContent() {
        Block a = DagCbor.block(DataValue.map("a", DataValue.of(1)));
        Block b = new Block(a.cid(), a.bytes().clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(DataValue.map("a", DataValue.of(1)), b.decode());
    }

    @Test
    void blockMapKeepsInsertionOrderAndNamesAMissingBlock() {
        BlockMap blocks = new BlockMap();
        Cid second = blocks.put(DataValue.of("second"));
        Cid first = blocks.put(DataValue.of("first"));
        List<Cid> order = new ArrayList<>();
        blocks.blocks().forEach(block -> order.add(block.cid()));
        assertEquals(List.of(second, first), order);
        assertEquals(DataValue.of("first"), DagCbor.decode(blocks.require(first)));

        Cid absent = Cid.ofDagCbor(new byte[] {0});
        assertTrue(blocks.get(absent).isEmpty());
        MissingBlockException e = assertThrows(MissingBlockException.class, () -> blocks.require(absent));
        assertEquals(absent, e.cid());
    }
}
