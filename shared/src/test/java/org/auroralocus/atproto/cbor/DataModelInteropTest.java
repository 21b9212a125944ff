package org.auroralocus.atproto.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kit's data-model vectors: JSON, DAG-CBOR bytes and CIDs agree both ways; validity of JSON. */
class DataModelInteropTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> fixtures() {
        return entries("data-model/data-model-fixtures.json")
                .map(e -> Arguments.of("fixture " + e.get("cid").asText(), e));
    }

    static Stream<Arguments> valid() {
        return entries("data-model/data-model-valid.json").map(e -> Arguments.of(e.get("note").asText(), e.get("json")));
    }

    static Stream<Arguments> invalid() {
        return entries("data-model/data-model-invalid.json").map(e -> Arguments.of(e.get("note").asText(), e.get("json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void jsonEncodesToTheExpectedBytesAndCid(String name, JsonNode fixture) throws IOException {
        byte[] expected = Base64.getDecoder().decode(fixture.get("cbor_base64").asText());
        DataValue fromText = DataJson.parseObject(MAPPER.writeValueAsString(fixture.get("json")));
        DataValue fromTree = DataJson.objectFromTree(fixture.get("json"));

        assertEquals(fromText, fromTree);
        Block block = DagCbor.block(fromText);
        assertArrayEquals(expected, block.bytes());
        assertEquals(fixture.get("cid").asText(), block.cid().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void cborDecodesBackToTheSameJson(String name, JsonNode fixture) throws IOException {
        byte[] cbor = Base64.getDecoder().decode(fixture.get("cbor_base64").asText());
        DataValue decoded = DagCbor.decode(cbor);

        assertEquals(fixture.get("json"), DataJson.toTree(decoded));
        assertEquals(fixture.get("json"), MAPPER.readTree(DataJson.toJson(decoded)));
        assertEquals(fixture.get("cid").asText(), Cid.ofDagCbor(cbor).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validJsonIsAccepted(String note, JsonNode json) throws IOException {
        DataValue.MapValue fromText = DataJson.parseObject(MAPPER.writeValueAsString(json));

        assertEquals(fromText, DataJson.objectFromTree(json));
        assertEquals(fromText, DagCbor.decode(DagCbor.encode(fromText)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidJsonIsRejected(String note, JsonNode json) throws IOException {
        String text = MAPPER.writeValueAsString(json);

        assertThrows(DataJsonException.class, () -> DataJson.parseObject(text));
        assertThrows(DataJsonException.class, () -> DataJson.objectFromTree(json));
    }

    private static Stream<JsonNode> entries(String file) {
        try {
            JsonNode array = MAPPER.readTree(Kit.vectors(file).toFile());
            return StreamSupport.stream(array.spliterator(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
