package org.auroralocus.atproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.auroralocus.atproto.multibase.Base58Btc;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PublicKeyTest {
    private static final byte[] DATA = "the signed bytes".getBytes(StandardCharsets.UTF_8);

    private static KeyPair key(Curve curve) {
        return KeyPair.fromHex(curve, "6b0b91287ae3348f8c2f2552d766f30e3604867e34adc37ccbb74a8e6b893e02");
    }

    private static BigInteger r(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    }

    private static BigInteger s(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    }

    private static byte[] compact(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        return out;
    }

    private static String multikey(Curve curve, byte[] keyBytes) {
        byte[] prefix = curve.multicodecPrefix();
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + keyBytes.length);
        System.arraycopy(keyBytes, 0, bytes, prefix.length, keyBytes.length);
        return "z" + Base58Btc.encode(bytes);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void highSVariantFailsStrictButPassesLenient(Curve curve) {
        KeyPair key = key(curve);
        byte[] signature = key.sign(DATA);
        byte[] highS = compact(r(signature), curve.order().subtract(s(signature)));

        assertFalse(key.publicKey().verify(DATA, highS));
        assertTrue(key.publicKey().verifyLenient(DATA, highS));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void derEncodedSignatureFailsStrictButPassesLenient(Curve curve) throws IOException {
        KeyPair key = key(curve);
        byte[] signature = key.sign(DATA);
        byte[] der = StandardDSAEncoding.INSTANCE.encode(curve.order(), r(signature), s(signature));

        assertFalse(key.publicKey().verify(DATA, der));
        assertTrue(key.publicKey().verifyLenient(DATA, der));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signatureOfAnotherMessageFails(Curve curve) {
        KeyPair key = key(curve);
        byte[] signature = key.sign(DATA);

        assertFalse(key.publicKey().verify("other bytes".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(key.publicKey().verifyLenient("other bytes".getBytes(StandardCharsets.UTF_8), signature));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void tamperedKeyFails(Curve curve) {
        KeyPair key = key(curve);
        byte[] signature = key.sign(DATA);
        byte[] compressed = key.publicKey().compressed();
        compressed[0] ^= 1; // 02 <-> 03: the negated point, still on the curve
        PublicKey tampered = PublicKey.fromBytes(curve, compressed);

        assertNotEquals(key.publicKey(), tampered);
        assertFalse(tampered.verify(DATA, signature));
        assertFalse(tampered.verifyLenient(DATA, signature));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void tamperedSignatureFails(Curve curve) {
        KeyPair key = key(curve);
        byte[] signature = key.sign(DATA);
        signature[5] ^= 0x10;

        assertFalse(key.publicKey().verify(DATA, signature));
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void malformedSignaturesAreInvalidNotErrors(Curve curve) {
        PublicKey publicKey = key(curve).publicKey();
        byte[] good = key(curve).sign(DATA);
        BigInteger n = curve.order();
        Random random = new Random(7);
        Stream<byte[]> garbage = Stream.iterate(0, i -> i < 300, i -> i + 1).map(i -> {
            byte[] bytes = new byte[i % 80];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length > 2) bytes[0] = 0x30; // looks like the start of DER
            return bytes;
        });
        Stream<byte[]> edges = Stream.of(new byte[0], Arrays.copyOf(good, 63), Arrays.copyOf(good, 65),
                compact(BigInteger.ZERO, s(good)), compact(r(good), BigInteger.ZERO), compact(n, s(good)), compact(r(good), n));

        Stream.concat(edges, garbage).forEach(bytes -> {
            assertFalse(publicKey.verify(DATA, bytes));
            assertFalse(publicKey.verifyLenient(DATA, bytes));
        });
    }

    @Test
    void legacyUncompressedAndCurrentEncodingsOfTheSpecExampleAreOneKey() {
        // https://atproto.com/specs/did#legacy-representation
        PublicKey legacy = PublicKey.parseLegacyMultibase(Curve.K256,
                "zQYEBzXeuTM9UR3rfvNag6L3RNAs5pQZyYPsomTsgQhsxLdEgCrPTLgFna8yqCnxPpNT7DBk6Ym3dgPKNu86vt9GR");

        assertEquals(PublicKey.parseMultikey("zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"), legacy);
        assertEquals("zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF", legacy.multikey());
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void compressedAndUncompressedFormsRoundTrip(Curve curve) {
        PublicKey key = key(curve).publicKey();

        assertEquals(33, key.compressed().length);
        assertEquals(65, key.uncompressed().length);
        assertEquals(key, PublicKey.fromBytes(curve, key.uncompressed()));
        assertEquals(key, PublicKey.fromBytes(curve, key.compressed()));
        assertEquals(key.hashCode(), PublicKey.parseDidKey(key.didKey()).hashCode());
        assertEquals(key.didKey(), key.toString());
    }

    static Stream<Arguments> garbageDidKeys() {
        byte[] k256 = key(Curve.K256).publicKey().compressed();
        byte[] wrongPrefix = k256.clone();
        wrongPrefix[0] = 5;
        byte[] beyondTheField = new byte[33];
        Arrays.fill(beyondTheField, (byte) 0xff);
        beyondTheField[0] = 2;
        return Stream.of(
                Arguments.of("empty", "", "not a did:key"),
                Arguments.of("another DID method", "did:web:example.com", "not a did:key"),
                Arguments.of("nothing after the prefix", "did:key:", "base58btc"),
                Arguments.of("no multibase prefix", "did:key:Q3shqwJEJyMBsBXCWyCBpUBMqxcon9oHB7mCvx4sSpMdLJwc", "base58btc"),
                Arguments.of("base32 instead of base58btc", "did:key:bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm", "base58btc"),
                Arguments.of("characters outside base58", "did:key:zQ3sh0OIl", "not valid base58btc"),
                Arguments.of("an ed25519 key", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "unsupported key type (multicodec 0xed"),
                Arguments.of("truncated key", "did:key:" + multikey(Curve.K256, Arrays.copyOf(k256, 32)), "33-byte compressed point"),
                Arguments.of("uncompressed key", "did:key:" + multikey(Curve.K256, key(Curve.K256).publicKey().uncompressed()), "33-byte compressed point"),
                Arguments.of("bad point prefix", "did:key:" + multikey(Curve.K256, wrongPrefix), "SEC1 point"),
                Arguments.of("x beyond the field", "did:key:" + multikey(Curve.P256, beyondTheField), "not a point on P256"),
                Arguments.of("x not on the curve", "did:key:" + multikey(Curve.K256, offCurveK256()), "not a point on K256"));
    }

    /** 02 || x for the smallest x where x^3 + 7 has no square root mod p, so no point has that x. */
    private static byte[] offCurveK256() {
        BigInteger p = Curve.K256.domain().getCurve().getField().getCharacteristic();
        BigInteger x = BigInteger.ONE;
        while (x.pow(3).add(BigInteger.valueOf(7)).modPow(p.shiftRight(1), p).equals(BigInteger.ONE)) {
            x = x.add(BigInteger.ONE);
        }
        byte[] out = new byte[33];
        out[0] = 2;
        BigIntegers.asUnsignedByteArray(x, out, 1, 32);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageDidKeys")
    void garbageDidKeyIsRejectedWithAClearMessage(String name, String didKey, String expected) {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> PublicKey.parseDidKey(didKey));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void multikeyMustNotCarryTheDidKeyPrefix() {
        String didKey = key(Curve.P256).publicKey().didKey();

        assertThrows(KeyFormatException.class, () -> PublicKey.parseMultikey(didKey));
    }

    @Test
    void legacyMultibaseRejectsGarbage() {
        assertThrows(KeyFormatException.class, () -> PublicKey.parseLegacyMultibase(Curve.K256, ""));
        assertThrows(KeyFormatException.class, () -> PublicKey.parseLegacyMultibase(Curve.K256, "z0OIl"));
        assertThrows(KeyFormatException.class, () -> PublicKey.parseLegacyMultibase(Curve.K256,
                key(Curve.K256).publicKey().multikey())); // has a multicodec, so 35 bytes
    }
}
