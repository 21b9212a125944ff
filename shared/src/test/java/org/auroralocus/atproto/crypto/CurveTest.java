package org.auroralocus.atproto.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurveTest {
    @Test
    void multicodecPrefixesAreTheSpecsVarints() {
        // https://atproto.com/specs/cryptography#public-key-encoding
        assertArrayEquals(new byte[] {(byte) 0xe7, 0x01}, Curve.K256.multicodecPrefix());
        assertArrayEquals(new byte[] {(byte) 0x80, 0x24}, Curve.P256.multicodecPrefix());
    }

    @Test
    void jwtAlgorithmsNameTheCurves() {
        assertEquals(Optional.of(Curve.K256), Curve.forJwtAlg("ES256K"));
        assertEquals(Optional.of(Curve.P256), Curve.forJwtAlg("ES256"));
        assertEquals(Optional.empty(), Curve.forJwtAlg("EdDSA"));
        assertEquals(Optional.empty(), Curve.forJwtAlg("es256k"));
    }

    @Test
    void legacyVerificationMethodTypesNameTheCurves() {
        assertEquals(Optional.of(Curve.K256), Curve.forLegacyVerificationMethodType("EcdsaSecp256k1VerificationKey2019"));
        assertEquals(Optional.of(Curve.P256), Curve.forLegacyVerificationMethodType("EcdsaSecp256r1VerificationKey2019"));
        assertEquals(Optional.empty(), Curve.forLegacyVerificationMethodType("Multikey"));
    }
}
