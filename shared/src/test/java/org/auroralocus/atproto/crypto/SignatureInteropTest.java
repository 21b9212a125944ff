package org.auroralocus.atproto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.auroralocus.atproto.kit.Kit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** crypto/signature-fixtures.json: valid, high-S and DER signatures for both curves. */
class SignatureInteropTest {
    record Fixture(String comment, String messageBase64, String algorithm, String didDocSuite, String publicKeyDid,
            String publicKeyMultibase, String signatureBase64, boolean validSignature, List<String> tags) {
        byte[] message() {
            return Base64.getDecoder().decode(messageBase64);
        }

        byte[] signature() {
            return Base64.getDecoder().decode(signatureBase64);
        }
    }

    static Stream<Arguments> fixtures() throws IOException {
        List<Fixture> fixtures = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readerForListOf(Fixture.class)
                .readValue(Kit.vectors("crypto/signature-fixtures.json").toFile());
        return fixtures.stream().map(f -> Arguments.of(f.comment() + " " + f.tags(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void strictVerificationGivesTheExpectedVerdict(String name, Fixture fixture) {
        PublicKey key = PublicKey.parseDidKey(fixture.publicKeyDid());

        assertEquals(fixture.validSignature(), key.verify(fixture.message(), fixture.signature()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void lenientVerificationAcceptsEveryMathematicallyValidSignature(String name, Fixture fixture) {
        // the kit says every fixture, high-S and DER included, is a correct ECDSA signature
        PublicKey key = PublicKey.parseDidKey(fixture.publicKeyDid());

        assertTrue(key.verifyLenient(fixture.message(), fixture.signature()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void didKeyAndLegacyMultibaseNameTheSameKeyOnTheNamedCurve(String name, Fixture fixture) {
        Curve curve = Curve.forLegacyVerificationMethodType(fixture.didDocSuite()).orElseThrow();
        PublicKey fromDid = PublicKey.parseDidKey(fixture.publicKeyDid());
        PublicKey fromLegacy = PublicKey.parseLegacyMultibase(curve, fixture.publicKeyMultibase());

        assertEquals(fromDid, fromLegacy);
        assertEquals(fixture.algorithm(), fromDid.curve().jwtAlg());
        assertEquals(fixture.publicKeyDid(), fromLegacy.didKey());
    }
}
