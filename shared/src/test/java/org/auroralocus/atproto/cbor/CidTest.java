package org.auroralocus.atproto.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String DAG_CBOR_CID = "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a";
    private static final String RAW_CID = "bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DAG_CBOR_CID, RAW_CID})
    void stringAndBinaryFormsRoundTrip(String text) {
        Cid cid = Cid.parse(text);
        assertEquals(text, cid.toString());
        assertEquals(cid, Cid.fromBytes(cid.bytes()));
        assertEquals(text, Cid.fromBytes(cid.bytes()).toString());
        assertEquals(36, cid.bytes().length);
    }

    @Test
    void knowsItsCodecAndDigest() {
        assertEquals(Cid.DAG_CBOR, Cid.parse(DAG_CBOR_CID).codec());
        assertEquals(Cid.RAW, Cid.parse(RAW_CID).codec());
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        // sha2-256("hello")
        assertArrayEquals(HEX.parseHex("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
                Cid.ofRaw(content).digest());
        assertEquals("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq", Cid.ofRaw(content).toString());
    }

    @Test
    void readsOneCidFromALongerSequence() {
        byte[] bytes = Cid.parse(DAG_CBOR_CID).bytes();
        byte[] longer = new byte[bytes.length + 5];
        System.arraycopy(bytes, 0, longer, 2, bytes.length);
        Cid cid = Cid.read(longer, 2, longer.length);
        assertEquals(DAG_CBOR_CID, cid.toString());
        assertEquals(36, cid.byteLength());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", // CIDv0
        "zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA", // base58btc CIDv1
        "BAFYREIDFAYVFUWQA7QLNOPDJIQRXZS6BLMOEU4RUJCJTNCI5BELUDIRZ2A", // upper-case base32
        "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", // dag-pb
        "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2aaa", // trailing bytes
        "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz", // truncated
        "", "b", ".", "bafy!", "b a"})
    void rejectsStringsThatAreNotBlessedCids(String text) {
        assertThrows(DagCborException.class, () -> Cid.parse(text));
    }

    @Test
    void rejectsBinaryFormsThatAreNotBlessedCids() {
        String digest = "00".repeat(32);
        assertThrows(DagCborException.class, () -> Cid.fromBytes(HEX.parseHex("1220" + digest))); // v0
        assertThrows(DagCborException.class, () -> Cid.fromBytes(HEX.parseHex("02711220" + digest))); // v2
        assertThrows(DagCborException.class, () -> Cid.fromBytes(HEX.parseHex("01701220" + digest))); // dag-pb
        assertThrows(DagCborException.class, () -> Cid.fromBytes(HEX.parseHex("01711340" + digest + digest))); // sha2-512
        assertThrows(DagCborException.class, () -> Cid.fromBytes(HEX.parseHex("0171122000"))); // short digest
        assertThrows(DagCborException.class, () -> Cid.fromBytes(HEX.parseHex("01711220" + digest + "00"))); // trailing
        assertThrows(DagCborException.class, () -> Cid.fromBytes(new byte[0]));
        assertThrows(DagCborException.class, () -> Cid.of(0x70, new byte[32]));
        assertThrows(DagCborException.class, () -> Cid.of(Cid.RAW, new byte[20]));
    }

    @Test
    void ordersAndComparesByBinaryForm() {
        Cid a = Cid.parse(DAG_CBOR_CID);
        Cid b = Cid.parse(RAW_CID);
        assertEquals(a, Cid.fromBytes(a.bytes()));
        assertEquals(a.hashCode(), Cid.fromBytes(a.bytes()).hashCode());
        assertNotEquals(a, b);
        // raw (0x55) sorts before dag-cbor (0x71) on the codec byte
        assertTrue(b.compareTo(a) < 0);
    }

    @Test
    void bytesAreACopy() {
        Cid cid = Cid.parse(DAG_CBOR_CID);
        cid.bytes()[5] ^= 1;
        assertEquals(DAG_CBOR_CID, Cid.fromBytes(cid.bytes()).toString());
    }
}
