package org.auroralocus.atproto.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official packages ({@code @atproto/lex-json} and {@code @atproto/lex-cbor}) encode the same
 * values from our JSON and must produce our DAG-CBOR bytes and CIDs, and decode our bytes back to
 * the same value. The values are seeded random ones plus the corner cases of key order, integer
 * headers and Unicode, where two implementations most easily disagree.
 */
class DagCborOfficialInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** JavaScript reads JSON numbers as doubles, so integers are kept where both sides are exact. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final String[] KEY_PARTS = {"a", "b", "aa", "$type", "text", "é", "ß", "\uE000", "\uFFFD", "😀", "👨‍👩‍👧", "z", "Z", "0", "_"};

    @Test
    void officialPackagesEncodeOurValuesToOurBytes(@TempDir Path dir) throws Exception {
        OfficialPackages official = OfficialPackages.locate();
        List<DataValue> values = new ArrayList<>(cornerCases());
        Random random = new Random(20261128);
        for (int i = 0; i < 400; i++) values.add(randomMap(random, 0));

        ArrayNode cases = JSON.createArrayNode();
        for (DataValue value : values) {
            Block block = DagCbor.block(value);
            cases.addObject()
                    .put("cborBase64", Base64.getEncoder().encodeToString(block.bytes()))
                    .put("cid", block.cid().toString())
                    .set("json", DataJson.toTree(value));
        }
        Path file = dir.resolve("cbor-cases.json");
        Files.writeString(file, JSON.writeValueAsString(cases));

        JsonNode result = official.run("cbor", file.toString());
        assertTrue(result.path("ok").asBoolean(), () -> "the official packages disagree: " + result);
        assertEquals(values.size(), result.path("checked").asInt());
    }

    private static List<DataValue> cornerCases() {
        Cid link = Cid.parse("bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a");
        Cid blob = Cid.parse("bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity");
        List<DataValue> integers = new ArrayList<>();
        for (long n : new long[] {0, 23, 24, 255, 256, 65535, 65536, 4294967295L, 4294967296L, MAX_SAFE_INTEGER}) {
            integers.add(DataValue.of(n));
            integers.add(DataValue.of(n == MAX_SAFE_INTEGER ? -n : -n - 1)); // -1 - n: the negative header boundaries
        }
        Map<String, DataValue> keys = new HashMap<>();
        for (String part : KEY_PARTS) {
            keys.put(part, DataValue.of(part));
            keys.put(part + part, DataValue.of(1));
        }
        return List.of(
                DataValue.map("integers", DataValue.list(integers)),
                new DataValue.MapValue(keys),
                DataValue.map("\uE000a", DataValue.of(1), "😀", DataValue.of(2)),
                DataValue.map("link", DataValue.of(link), "bytes", DataValue.bytes(new byte[] {0, 1, 2, (byte) 255}),
                        "empty", DataValue.bytes(new byte[0]), "blob", new BlobRef(blob, "image/png", 12345).toDataValue()),
                DataValue.map("long", DataValue.of("x".repeat(300) + "ü".repeat(300)), "list", DataValue.list(List.of())));
    }

    private static DataValue.MapValue randomMap(Random random, int depth) {
        Map<String, DataValue> entries = new HashMap<>();
        int size = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < size; i++) entries.put(randomText(random, 3), randomValue(random, depth + 1));
        return new DataValue.MapValue(entries);
    }

    private static DataValue randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> DataValue.ofNull();
            case 1 -> DataValue.of(random.nextBoolean());
            case 2 -> DataValue.of(random.nextLong(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER + 1) >> random.nextInt(53));
            case 3, 4 -> DataValue.of(randomText(random, 6));
            case 5 -> {
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                yield DataValue.bytes(bytes);
            }
            case 6 -> {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                yield DataValue.of(Cid.of(random.nextBoolean() ? Cid.DAG_CBOR : Cid.RAW, digest));
            }
            case 7 -> {
                List<DataValue> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) items.add(randomValue(random, depth + 1));
                yield DataValue.list(items);
            }
            default -> randomMap(random, depth);
        };
    }

    private static String randomText(Random random, int maxParts) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(maxParts) + 1; i > 0; i--) s.append(KEY_PARTS[random.nextInt(KEY_PARTS.length)]);
        // map keys starting with $ are the data model's own; keep random ones to plain names
        return s.charAt(0) == '$' ? "k" + s : s.toString();
    }
}
