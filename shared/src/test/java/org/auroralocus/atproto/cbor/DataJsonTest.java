package org.auroralocus.atproto.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataJsonTest {
    private static final String CID = "bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a";
    private static final String BLOB_CID = "bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity";

    private static DataJsonException rejected(String json) {
        return assertThrows(DataJsonException.class, () -> DataJson.parseObject(json));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\":[1,{\"b\":1.5}]}                       | $.a[1].b",
        "{\"a\":{\"$link\":\"bafy\"}}                  | $.a",
        "{\"post\":{\"embed\":{\"$type\":\"\"}}}       | $.post.embed",
        "{\"a\":1,\"a\":2}                             | $.a",
        "{\"odd key\":[{\"$bytes\":\"!\"}]}            | $[\"odd key\"][0]",
        "[1]                                           | $"})
    void errorsNameThePath(String json, String path) {
        assertEquals(path, rejected(json).path());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "1e19", "1e400", "123.5", "1e-2", "99999999999999999999999"})
    void rejectsNumbersThatAreNotSigned64BitIntegers(String number) {
        assertTrue(rejected("{\"n\":" + number + "}").getMessage().contains(number));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"9223372036854775807,9223372036854775807", "-9223372036854775808,-9223372036854775808",
        "123.0,123", "1e2,100", "-0.0,0", "1.50e1,15"})
    void acceptsIntegersAndIntegerValuedNumbers(String number, long expected) {
        assertEquals(DataValue.map("n", DataValue.of(expected)), DataJson.parseObject("{\"n\":" + number + "}"));
    }

    @Test
    void readsLinksBytesAndBlobsIntoTheirKinds() {
        DataValue.MapValue value = DataJson.parseObject("""
                {"l": {"$link": "%s"}, "b": {"$bytes": "AQID"}, "p": {"$bytes": "AQI="},
                 "blob": {"$type": "blob", "ref": {"$link": "%s"}, "mimeType": "image/png", "size": 3}}
                """.formatted(CID, BLOB_CID));

        assertEquals(DataValue.of(Cid.parse(CID)), value.entries().get("l"));
        assertEquals(DataValue.bytes(new byte[] {1, 2, 3}), value.entries().get("b"));
        assertEquals(DataValue.bytes(new byte[] {1, 2}), value.entries().get("p"));
        assertEquals(new BlobRef(Cid.parse(BLOB_CID), "image/png", 3), BlobRef.from(value.entries().get("blob")).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + BLOB_CID + "\"},\"mimeType\":\"a/b\",\"size\":-1}",
        "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + BLOB_CID + "\"},\"mimeType\":\"\",\"size\":1}",
        "{\"$type\":\"blob\",\"ref\":\"" + BLOB_CID + "\",\"mimeType\":\"a/b\",\"size\":1}",
        "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + BLOB_CID + "\"},\"mimeType\":\"a/b\",\"size\":1,\"x\":1}",
        "{\"$type\":\"blob\",\"ref\":{\"$link\":\"" + BLOB_CID + "\"},\"mimeType\":\"a/b\",\"size\":1.5}"})
    void rejectsMalformedBlobs(String blob) {
        assertTrue(rejected("{\"b\":" + blob + "}").path().startsWith("$.b"));
    }

    @Test
    void legacyBlobsAreOrdinaryObjects() {
        DataValue.MapValue value = DataJson.parseObject("{\"cid\":\"" + BLOB_CID + "\",\"mimeType\":\"image/jpeg\"}");
        assertEquals(DataValue.of(BLOB_CID), value.entries().get("cid"));
        assertTrue(BlobRef.from(value).isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "{", "{} {}", "{\"a\":1}x", "{\"a\":\"\\ud800\"}", "{\"\\udc00\":1}", "{\"a\":NaN}",
        "{\"$link\":\"" + CID + "\"}", "{\"$bytes\":\"AQID\"}", "null"})
    void rejectsWhatIsNotOneDataModelObject(String json) {
        rejected(json);
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        String ok = "{\"a\":".repeat(DagCbor.MAX_NESTING - 1) + "{}" + "}".repeat(DagCbor.MAX_NESTING - 1);
        assertEquals(DagCbor.MAX_NESTING, depth(DataJson.parseObject(ok)));
        String tooDeep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(DataJsonException.class, () -> DataJson.parse(tooDeep));
    }

    private static int depth(DataValue value) {
        return value instanceof DataValue.MapValue m ? 1 + m.entries().values().stream().mapToInt(DataJsonTest::depth).max().orElse(0) : 0;
    }

    @Test
    void writesTheCanonicalJsonShapes() {
        DataValue value = DataValue.map(
                "link", DataValue.of(Cid.parse(CID)), "bytes", DataValue.bytes(new byte[] {1, 2}),
                "big", DataValue.of(Long.MIN_VALUE), "list", DataValue.list(List.of(DataValue.ofNull(), DataValue.of(true))),
                "text", DataValue.of("é\"\n"));

        assertEquals("{\"big\":-9223372036854775808,\"link\":{\"$link\":\"" + CID + "\"},\"list\":[null,true],"
                + "\"text\":\"é\\\"\\n\",\"bytes\":{\"$bytes\":\"AQI\"}}", DataJson.toJson(value));
        assertEquals(value, DataJson.parse(DataJson.toJson(value)));
        assertEquals(value, DataJson.fromTree(DataJson.toTree(value)));
    }

    @Test
    void treesMatchWhatJacksonParses() throws Exception {
        String json = "{\"small\":1,\"large\":5000000000,\"nested\":[{\"x\":-2}]}";
        assertEquals(new ObjectMapper().readTree(json), DataJson.toTree(DataJson.parse(json)));
    }

    @Test
    void readsOneValueFromAParserInALargerDocument() throws Exception {
        var parser = new ObjectMapper().createParser("[{\"$link\":\"" + CID + "\"}, 7]");
        parser.nextToken();
        parser.nextToken();
        assertInstanceOf(DataValue.LinkValue.class, DataJson.read(parser));
        parser.nextToken();
        assertEquals(DataValue.of(7), DataJson.read(parser));
    }
}
