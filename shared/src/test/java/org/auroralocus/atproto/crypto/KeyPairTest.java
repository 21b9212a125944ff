package org.auroralocus.atproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyPairTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair fixedKey(Curve curve, long seed) {
        byte[] d = new byte[32];
        new Random(seed).nextBytes(d);
        d[0] &= 0x7f; // below the group order of both curves
        return KeyPair.fromPrivateKeyBytes(curve, d);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signatureVerifiesWithThePublicKey(Curve curve) {
        KeyPair key = KeyPair.generate(curve, new SecureRandom());
        byte[] data = utf8("a commit");

        byte[] signature = key.sign(data);

        assertEquals(64, signature.length);
        assertTrue(key.publicKey().verify(data, signature));
        assertTrue(key.publicKey().verifyLenient(data, signature));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signaturesAreAlwaysLowS(Curve curve) {
        // unnormalised ECDSA gives high S about half the time, so 200 signatures would catch it
        KeyPair key = fixedKey(curve, 1);
        for (int i = 0; i < 200; i++) {
            byte[] signature = key.sign(utf8("message " + i));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            assertTrue(s.compareTo(curve.order().shiftRight(1)) <= 0, "high S for message " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signingIsDeterministic(Curve curve) {
        KeyPair key = fixedKey(curve, 2);

        assertArrayEquals(key.sign(utf8("same")), key.sign(utf8("same")));
        assertFalse(Arrays.equals(key.sign(utf8("same")), key.sign(utf8("other"))));
    }

    @Test
    void p256SignaturesMatchRfc6979() {
        // RFC 6979 A.2.5, P-256 with SHA-256; "sample" has a high S there, which we must flip to n - s
        KeyPair key = KeyPair.fromHex(Curve.P256, "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
        BigInteger n = Curve.P256.order();
        BigInteger highS = new BigInteger("f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8", 16);

        assertEquals("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                + HEX.formatHex(BigIntegers.asUnsignedByteArray(32, n.subtract(highS))),
                HEX.formatHex(key.sign(utf8("sample"))));
        assertEquals("f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
                + "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083",
                HEX.formatHex(key.sign(utf8("test"))));
    }

    @Test
    void k256SignaturesMatchTheWellKnownRfc6979Vectors() {
        // the secp256k1 vectors circulated by the Bitcoin libraries (private keys 1 and n - 1)
        KeyPair one = KeyPair.fromHex(Curve.K256, "0000000000000000000000000000000000000000000000000000000000000001");
        KeyPair nMinusOne = KeyPair.fromHex(Curve.K256, "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");

        assertEquals("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"
                + "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
                HEX.formatHex(one.sign(utf8("Satoshi Nakamoto"))));
        assertEquals("fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0"
                + "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5",
                HEX.formatHex(nMinusOne.sign(utf8("Satoshi Nakamoto"))));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void hexRoundTrips(Curve curve) {
        KeyPair key = KeyPair.generate(curve, new SecureRandom());

        KeyPair restored = KeyPair.fromHex(curve, key.privateKeyHex());

        assertEquals(key.privateKeyHex(), restored.privateKeyHex());
        assertArrayEquals(key.privateKeyBytes(), restored.privateKeyBytes());
        assertEquals(key.publicKey(), restored.publicKey());
        assertArrayEquals(key.sign(utf8("x")), restored.sign(utf8("x")));
    }

    @Test
    void privateKeyBytesKeepLeadingZeros() {
        KeyPair key = KeyPair.fromHex(Curve.K256, "00000000000000000000000000000000000000000000000000000000000000ff");

        assertEquals(32, key.privateKeyBytes().length);
        assertEquals("00000000000000000000000000000000000000000000000000000000000000ff", key.privateKeyHex());
    }

    @Test
    void fromHexAcceptsUpperCase() {
        KeyPair lower = KeyPair.fromHex(Curve.K256, "9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0c");
        KeyPair upper = KeyPair.fromHex(Curve.K256, "9085D2BEF69286A6CBB51623C8FA258629945CD55CA705CC4E66700396894E0C");

        assertEquals(lower.publicKey(), upper.publicKey());
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void rejectsPrivateKeysOutsideTheGroup(Curve curve) {
        byte[] zero = new byte[32];
        byte[] order = BigIntegers.asUnsignedByteArray(32, curve.order());

        assertThrows(KeyFormatException.class, () -> KeyPair.fromPrivateKeyBytes(curve, zero));
        assertThrows(KeyFormatException.class, () -> KeyPair.fromPrivateKeyBytes(curve, order));
        assertThrows(KeyFormatException.class, () -> KeyPair.fromPrivateKeyBytes(curve, new byte[31]));
        assertThrows(KeyFormatException.class, () -> KeyPair.fromPrivateKeyBytes(curve, new byte[33]));
    }

    @Test
    void malformedHexIsRejectedWithoutEchoingIt() {
        String secretish = "9085d2bef69286a6cbb51623c8fa258629945cd55ca705cc4e66700396894e0g";

        KeyFormatException e = assertThrows(KeyFormatException.class, () -> KeyPair.fromHex(Curve.K256, secretish));

        assertFalse(e.getMessage().contains("9085d2"), e.getMessage());
        assertThrows(KeyFormatException.class, () -> KeyPair.fromHex(Curve.K256, "abcd"));
        assertThrows(KeyFormatException.class, () -> KeyPair.fromHex(Curve.K256, "0x" + secretish.substring(2)));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void toStringShowsThePublicKeyAndNeverThePrivateKey(Curve curve) {
        KeyPair key = KeyPair.generate(curve, new SecureRandom());

        assertFalse(key.toString().toLowerCase().contains(key.privateKeyHex()));
        assertTrue(key.toString().contains(key.publicKey().didKey()));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void generatedKeysDiffer(Curve curve) {
        SecureRandom random = new SecureRandom();

        assertNotEquals(KeyPair.generate(curve, random).publicKey(), KeyPair.generate(curve, random).publicKey());
        assertEquals(curve, KeyPair.generate(curve, random).curve());
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signsAndVerifiesThousandsPerSecond(Curve curve) {
        // a generous bound that per-call curve setup or missing precomputation would still break
        KeyPair key = fixedKey(curve, 3);
        PublicKey publicKey = PublicKey.parseDidKey(key.publicKey().didKey());
        key.sign(utf8("warm-up"));
        assertTimeout(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 2000; i++) {
                byte[] data = utf8("record " + i);
                assertTrue(publicKey.verify(data, key.sign(data)));
            }
        });
    }
}
