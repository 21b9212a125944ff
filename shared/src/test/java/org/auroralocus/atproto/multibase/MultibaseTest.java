package org.auroralocus.atproto.multibase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultibaseTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 4648 section 10 test vectors, lower-cased and without padding. */
    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource({"'',''", "f,my", "fo,mzxq", "foo,mzxw6", "foob,mzxw6yq", "fooba,mzxw6ytb", "foobar,mzxw6ytboi"})
    void base32MatchesRfc4648(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, Base32.encode(bytes));
        assertArrayEquals(bytes, Base32.decode(encoded));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "MZXW6", // upper case is another multibase ('B'), not ours
        "mzxw6===", // padding
        "m", "mzx", "mzxw6y", // lengths no byte count produces
        "mz", // non-zero bits after the last byte: a second spelling of "f"
        "mzx0", "mz18", "mz x"})
    void base32RejectsAnythingButTheOneSpelling(String text) {
        assertThrows(MultibaseException.class, () -> Base32.decode(text));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "'',''", "00,1", "0000,11", "000001,112", "61,2g", "626262,a3gV", "636363,aPEr",
        "000000287fb4cd,111233QC4",
        "00eb15231dfceb60925886b67d065299925915aeb172c06647,1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "48656c6c6f20576f726c6421,2NEpo7TZRRrLZSi2U"})
    void base58btcMatchesKnownVectorsIncludingLeadingZeros(String hex, String encoded) {
        byte[] bytes = HEX.parseHex(hex);
        assertEquals(encoded, Base58Btc.encode(bytes));
        assertArrayEquals(bytes, Base58Btc.decode(encoded));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "O", "I", "l", "1+", "2NEpo7 TZ", "é"})
    void base58btcRejectsCharactersOutsideTheAlphabet(String text) {
        assertThrows(MultibaseException.class, () -> Base58Btc.decode(text));
    }

    @Test
    void base58btcRefusesHugeTextInsteadOfSpendingQuadraticTime() {
        // 2048 base58 digits are about 1500 bytes
        assertEquals(1500, Base58Btc.decode("2".repeat(Base58Btc.MAX_DECODE_LENGTH)).length, 10);
        assertThrows(MultibaseException.class, () -> Base58Btc.decode("2".repeat(1_000_000)));
    }

    @Test
    void multibaseDispatchesOnThePrefix() {
        byte[] bytes = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertEquals("bmzxw6ytboi", Multibase.base32(bytes));
        assertEquals("zt1Zv2yaZ", Multibase.base58btc(bytes));
        assertArrayEquals(bytes, Multibase.decode("bmzxw6ytboi"));
        assertArrayEquals(bytes, Multibase.decode("zt1Zv2yaZ"));
        assertThrows(MultibaseException.class, () -> Multibase.decode(""));
        assertThrows(MultibaseException.class, () -> Multibase.decode("f666f6f626172")); // base16
        assertThrows(MultibaseException.class, () -> Multibase.decode("Bmzxw6ytboi"));
    }
}
