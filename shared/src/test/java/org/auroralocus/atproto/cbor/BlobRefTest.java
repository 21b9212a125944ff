package org.auroralocus.atproto.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobRefTest {
    private static final Cid REF = Cid.parse("bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity");

    @Test
    void roundTripsThroughTheDataModelAndCbor() {
        BlobRef blob = new BlobRef(REF, "image/jpeg", 10000);
        DataValue.MapValue map = blob.toDataValue();
        assertEquals(blob, BlobRef.from(map).orElseThrow());
        assertEquals(blob, BlobRef.from(DagCbor.decode(DagCbor.encode(map))).orElseThrow());
        // the kit's blob, as encoded inside its second fixture: keys ref, size, $type, mimeType
        assertEquals("a4" + "63726566" + "d82a5825" + "00" + HexFormat.of().formatHex(REF.bytes())
                + "6473697a65" + "192710" + "652474797065" + "64626c6f62"
                + "686d696d6554797065" + "6a696d6167652f6a706567",
                HexFormat.of().formatHex(DagCbor.encode(map)));
    }

    @Test
    void otherValuesAreNotBlobs() {
        assertTrue(BlobRef.from(DataValue.of("blob")).isEmpty());
        assertTrue(BlobRef.from(DataValue.map("$type", DataValue.of("app.bsky.feed.post"))).isEmpty());
    }

    @Test
    void aMapCallingItselfABlobMustHaveTheShape() {
        DataValue.MapValue good = new BlobRef(REF, "image/png", 1).toDataValue();
        assertThrows(DagCborException.class, () -> BlobRef.from(good.with("size", DataValue.of("1"))));
        assertThrows(DagCborException.class, () -> BlobRef.from(good.with("ref", DataValue.of(REF.toString()))));
        assertThrows(DagCborException.class, () -> BlobRef.from(good.with("extra", DataValue.of(1))));
        assertThrows(DagCborException.class, () -> BlobRef.from(good.with("size", DataValue.of(-1))));
        assertThrows(DagCborException.class, () -> new BlobRef(REF, "", 1));
    }

    @Test
    void findsEveryBlobInARecord() {
        BlobRef a = new BlobRef(REF, "image/png", 1);
        BlobRef b = new BlobRef(REF, "image/jpeg", 2);
        DataValue record = DataValue.map(
                "$type", DataValue.of("app.bsky.feed.post"),
                "embed", DataValue.map("images", DataValue.list(List.of(
                        DataValue.map("image", a.toDataValue(), "alt", DataValue.of("")),
                        DataValue.map("image", b.toDataValue())))));
        assertEquals(List.of(a, b), BlobRef.findAll(record));
    }
}
