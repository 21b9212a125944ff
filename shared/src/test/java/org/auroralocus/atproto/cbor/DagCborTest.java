package org.auroralocus.atproto.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DagCborTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The kit's second fixture (a link, bytes and a blob), as a valid encoding to cut short. */
    private static final byte[] SAMPLE = Base64.getDecoder().decode(
            "o2Fh2CpYJQABcRIgZQYqWloA/BbXPGlEI3zLwVscSnI0SJM2iR0JF0GiOdBhYlggnFERjvLLiw9qm45JrqH9QTzyC2Lu1Xb4ne6+"
            + "sBrCzI1hY6RjcmVm2CpYJQABVRIgQljP/3j2E2l2l1Y/kmyR5dNXTS6iWuftktbr/COjiJ5kc2l6ZRknEGUkdHlwZWRibG9i"
            + "aG1pbWVUeXBlamltYWdlL2pwZWc");

    private static DataValue decodeHex(String hex) {
        return DagCbor.decode(HEX.parseHex(hex));
    }

    private static void assertRejected(String hex) {
        assertThrows(DagCborException.class, () -> decodeHex(hex));
    }

    static Stream<Arguments> integerBoundaries() {
        return Stream.of(
                Arguments.of(0L, "00"), Arguments.of(23L, "17"), Arguments.of(24L, "1818"),
                Arguments.of(255L, "18ff"), Arguments.of(256L, "190100"), Arguments.of(65535L, "19ffff"),
                Arguments.of(65536L, "1a00010000"), Arguments.of(4294967295L, "1affffffff"),
                Arguments.of(4294967296L, "1b0000000100000000"), Arguments.of(Long.MAX_VALUE, "1b7fffffffffffffff"),
                Arguments.of(-1L, "20"), Arguments.of(-24L, "37"), Arguments.of(-25L, "3818"),
                Arguments.of(-256L, "38ff"), Arguments.of(-257L, "390100"), Arguments.of(-65537L, "3a00010000"),
                Arguments.of(-4294967297L, "3b0000000100000000"), Arguments.of(Long.MIN_VALUE, "3b7fffffffffffffff"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("integerBoundaries")
    void integersUseTheShortestHeaderAndRoundTrip(long value, String hex) {
        assertEquals(hex, HEX.formatHex(DagCbor.encode(DataValue.of(value))));
        assertEquals(DataValue.of(value), decodeHex(hex));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1b8000000000000000", "1bffffffffffffffff", "3b8000000000000000", "3bffffffffffffffff"})
    void rejectsIntegersBeyondSigned64Bits(String hex) {
        assertRejected(hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1817", "190017", "1900ff", "1a0000ffff", "1b00000000ffffffff", // unsigned
        "3817", "3900ff", "3a0000ffff", "3b00000000ffffffff", // negative
        "7803616263", "590001ff", "980101", "b8016161" + "01", // string, bytes, list and map lengths
        "d9002a58250001711220" + "0000000000000000000000000000000000000000000000000000000000000000"}) // tag 42
    void rejectsNonMinimalHeaders(String hex) {
        assertRejected(hex);
    }

    @Test
    void rejectsKeysOutOfCanonicalOrder() {
        assertRejected("a2616201616102"); // {"b":1,"a":2}
        // length first: "b" sorts before "aa" although "aa" < "b" bytewise
        assertRejected("a2626161016162" + "02");
        assertEquals(DataValue.map("b", DataValue.of(2), "aa", DataValue.of(1)), decodeHex("a2616202626161" + "01"));
    }

    @Test
    void rejectsDuplicateKeys() {
        assertRejected("a2616101616102");
    }

    @Test
    void rejectsNonStringKeys() {
        assertRejected("a10101"); // integer key
        assertRejected("a1416101"); // byte-string key
        assertRejected("a1f601"); // null key
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"f93c00", "fa3f800000", "fb3ff0000000000000", "f97e00"})
    void rejectsFloatsOfEveryWidth(String hex) {
        assertRejected(hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9f01ff", "bf616101ff", "7f6161ff", "5f4101ff", "ff"})
    void rejectsIndefiniteLengthsAndStrayBreaks(String hex) {
        assertRejected(hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c074323031332d30332d32315432303a30343a30305a", "c11a514b67b0", "d82b00", "d8ff00", "c2420100"})
    void rejectsTagsOtherThan42(String hex) {
        assertRejected(hex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"f7", "f0", "f820", "f8ff"})
    void rejectsUndefinedAndOtherSimpleValues(String hex) {
        assertRejected(hex);
    }

    @Test
    void rejectsTrailingBytes() {
        assertRejected("0100");
        assertRejected("a0a0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"61ff", "62c080", "63eda080", "62e282", "64f4908080", "61" + "80"})
    void rejectsStringsThatAreNotUtf8(String hex) {
        assertRejected(hex);
        assertRejected("a1" + hex + "01"); // the same as a map key
    }

    @Test
    void acceptsTheReplacementCharacterItself() {
        assertEquals(DataValue.of("\uFFFD"), decodeHex("63efbfbd"));
    }

    @Test
    void rejectsMalformedLinks() {
        String cid = "01711220" + "00".repeat(32);
        assertEquals(DataValue.of(Cid.of(Cid.DAG_CBOR, new byte[32])), decodeHex("d82a5825" + "00" + cid));
        assertRejected("d82a5824" + cid); // no identity multibase prefix
        assertRejected("d82a5826" + "00" + cid + "00"); // trailing byte inside the link
        assertRejected("d82a40"); // empty
        assertRejected("d82a7825" + "00" + cid); // a text string, not bytes
        assertRejected("d82a5825" + "00" + "01701220" + "00".repeat(32)); // dag-pb codec
    }

    @Test
    void everyTruncationOfAValidEncodingFails() {
        assertEquals(3, ((DataValue.MapValue) DagCbor.decode(SAMPLE)).entries().size());
        for (int length = 0; length < SAMPLE.length; length++) {
            int n = length;
            assertThrows(DagCborException.class, () -> DagCbor.decode(SAMPLE, 0, n), () -> "prefix of " + n + " bytes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5bffffffffffffffff", "5b7fffffffffffffff", "5affffffff", "7affffffff", "9affffffff",
        "9b7fffffffffffffff", "bb7fffffffffffffff", "bbffffffffffffffff", "baffffffff"})
    void hugeDeclaredLengthsFailWithoutAllocating(String hex) {
        assertRejected(hex);
    }

    @Test
    void deepNestingFailsInsteadOfOverflowingTheStack() {
        byte[] deep = new byte[100_001];
        java.util.Arrays.fill(deep, (byte) 0x81); // [[[[...
        deep[deep.length - 1] = 0x01;
        assertThrows(DagCborException.class, () -> DagCbor.decode(deep));
    }

    @Test
    void nestingUpToTheLimitRoundTripsAndOneMoreIsRefusedBothWays() {
        DataValue atLimit = nestedLists(DagCbor.MAX_NESTING);
        assertEquals(atLimit, DagCbor.decode(DagCbor.encode(atLimit)));

        DataValue beyond = nestedLists(DagCbor.MAX_NESTING + 1);
        assertThrows(DagCborException.class, () -> DagCbor.encode(beyond));
        byte[] bytes = new byte[DagCbor.MAX_NESTING + 2];
        java.util.Arrays.fill(bytes, (byte) 0x81);
        bytes[bytes.length - 1] = 0x01;
        assertThrows(DagCborException.class, () -> DagCbor.decode(bytes));
    }

    private static DataValue nestedLists(int levels) {
        DataValue v = DataValue.of(1);
        for (int i = 0; i < levels; i++) v = DataValue.list(List.of(v));
        return v;
    }

    @Test
    void encoderSortsKeysCanonicallyWhateverTheInsertionOrder() {
        Map<String, DataValue> entries = new LinkedHashMap<>();
        for (String key : List.of("zzz", "b", "aa", "a", "é", "\uD83D\uDE00", "\uE000a")) entries.put(key, DataValue.of(key.length()));
        DataValue.MapValue map = new DataValue.MapValue(entries);

        // by UTF-8 length, then bytewise: U+E000 (ee 80 80) sorts before U+1F600 (f0 9f 98 80),
        // although its UTF-16 unit is greater than the surrogate's
        List<String> expected = List.of("a", "b", "aa", "é", "zzz", "\uE000a", "\uD83D\uDE00");
        assertEquals(expected, new ArrayList<>(map.entries().keySet()));
        byte[] bytes = DagCbor.encode(map);
        assertEquals(map, DagCbor.decode(bytes));
        assertEquals(expected, new ArrayList<>(((DataValue.MapValue) DagCbor.decode(bytes)).entries().keySet()));
    }

    @Test
    void readerRejectsTheUtf16OrderOfKeys() {
        // {"\uD83D\uDE00": 1, "\uE000a": 2}: the order String.compareTo would give
        assertRejected("a2" + "64f09f988001" + "64ee80806102");
        assertEquals(2, ((DataValue.MapValue) decodeHex("a2" + "64ee80806102" + "64f09f988001")).entries().size());
    }

    @Test
    void stringsWithUnpairedSurrogatesCannotBeBuilt() {
        assertThrows(DagCborException.class, () -> DataValue.of("a\uD800b"));
        assertThrows(DagCborException.class, () -> DataValue.of("\uDC00"));
        assertThrows(DagCborException.class, () -> DataValue.map("x\uD83D", DataValue.of(1)));
        assertEquals("f09f9880", HEX.formatHex(DagCbor.encode(DataValue.of("\uD83D\uDE00"))).substring(2));
    }

    @Test
    void encodesEveryKindAsTheSpecSays() {
        DataValue value = DataValue.map(
                "n", DataValue.ofNull(), "t", DataValue.of(true), "f", DataValue.of(false),
                "s", DataValue.of("ñ"), "y", DataValue.bytes(new byte[] {1, 2}), "l", DataValue.list(List.of()));
        // keys sorted: f, l, n, s, t, y
        assertEquals("a6" + "6166f4" + "616c80" + "616ef6" + "617362c3b1" + "6174f5" + "6179420102",
                HEX.formatHex(DagCbor.encode(value)));
    }

    @Test
    void decodePrefixReportsWhereTheNextValueStarts() {
        byte[] two = HEX.parseHex("a1616101" + "820102");
        DagCbor.Prefix first = DagCbor.decodePrefix(two, 0);
        assertEquals(DataValue.map("a", DataValue.of(1)), first.value());
        assertEquals(4, first.end());
        assertEquals(DataValue.list(List.of(DataValue.of(1), DataValue.of(2))), DagCbor.decode(two, first.end(), two.length - first.end()));
    }

    @Test
    void bytesValuesAreCopiedSoTheCallerCannotChangeThem() {
        byte[] raw = {1, 2, 3};
        DataValue.BytesValue value = new DataValue.BytesValue(raw);
        raw[0] = 9;
        value.value()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, value.value());
    }

    @Test
    void mapEntriesCannotBeModified() {
        DataValue.MapValue map = DataValue.map("a", DataValue.of(1));
        assertThrows(UnsupportedOperationException.class, () -> map.entries().put("b", DataValue.of(2)));
        assertThrows(UnsupportedOperationException.class, () -> map.entries().entrySet().iterator().remove());
        assertTrue(map.get("a").isPresent());
    }
}
