package org.auroralocus.atproto.mst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kit's mst/ vectors: key heights and shared-prefix lengths, one case per vector. */
class MstInteropTest {

    static Stream<Arguments> keyHeights() {
        return json("mst/key_heights.json").map(v -> Arguments.of(
                "\"" + v.get("key").asText() + "\" has height " + v.get("height").asInt(),
                v.get("key").asText(), v.get("height").asInt()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyHeights")
    void keyHeightMatchesVector(String name, String key, int height) {
        assertEquals(height, MstKey.height(key.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Arguments> commonPrefixes() {
        return json("mst/common_prefix.json").map(v -> Arguments.of(
                "\"" + v.get("left").asText() + "\" and \"" + v.get("right").asText() + "\" share " + v.get("len").asInt(),
                v.get("left").asText(), v.get("right").asText(), v.get("len").asInt()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonPrefixes")
    void commonPrefixMatchesVector(String name, String left, String right, int length) {
        assertEquals(length, MstKey.commonPrefixLength(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<String> exampleKeys() {
        return Kit.vectorLines("mst/example_keys.txt").stream();
    }

    /** Keys are {@code <Letter><height>/<digits>}: the digit after the letter is the key's height. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleKeys")
    void exampleKeyHasTheHeightItsNameSays(String key) {
        int named = Character.digit(key.charAt(1), 10);
        assertEquals(named, MstKey.height(MstKey.bytes(key)));
    }

    private static Stream<JsonNode> json(String file) {
        try {
            List<JsonNode> vectors = new ArrayList<>();
            new ObjectMapper().readTree(Kit.vectors(file).toFile()).forEach(vectors::add);
            return vectors.stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
