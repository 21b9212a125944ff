package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.TestClock;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;

/**
 * The service JWTs this server makes: the official header and claims, and signatures that other
 * implementations accept. Besides our own strict check, each signature is verified independently:
 * K-256 with BouncyCastle's plain ECDSA over the SEC curve parameters (not our Curve class), P-256
 * with the JDK's own provider. (A check with the official {@code @atproto/crypto} in Node is not set
 * up for the server module.)
 */
class ServiceJwtsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Did ALICE = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final String APPVIEW = "did:web:api.bsky.app";
    private static final Nsid GET_TIMELINE = Nsid.parse("app.bsky.feed.getTimeline");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-04T05:06:07.890Z"));
    private final ServiceJwts jwts = new ServiceJwts(clock, RANDOM);
    private final KeyPair k256 = KeyPair.generate(Curve.K256, RANDOM);

    private record Parts(JsonNode header, JsonNode payload, byte[] signingInput, byte[] signature) {
        static Parts of(String token) throws IOException {
            String[] p = token.split("\\.");
            assertEquals(3, p.length, token);
            Base64.Decoder b64 = Base64.getUrlDecoder();
            assertFalse(token.contains("="), "base64url without padding");
            return new Parts(JSON.readTree(b64.decode(p[0])), JSON.readTree(b64.decode(p[1])),
                    (p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII), b64.decode(p[2]));
        }
    }

    @Test
    void carriesTheOfficialHeaderAndClaims() throws IOException {
        Parts t = Parts.of(jwts.create(k256, ALICE, APPVIEW, Optional.of(GET_TIMELINE)));
        assertEquals(JSON.readTree("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}"), t.header());
        JsonNode p = t.payload();
        assertEquals(Set.of("iat", "iss", "aud", "exp", "lxm", "jti"), names(p));
        long now = clock.instant().getEpochSecond();
        assertEquals(now, p.get("iat").longValue());
        assertTrue(p.get("iat").isIntegralNumber() && p.get("exp").isIntegralNumber(), "seconds as JSON integers");
        assertEquals(now + 60, p.get("exp").longValue());
        assertEquals(ALICE.value(), p.get("iss").textValue());
        assertEquals(APPVIEW, p.get("aud").textValue(), "aud is a plain string, not an array");
        assertEquals(GET_TIMELINE.value(), p.get("lxm").textValue());
        assertTrue(p.get("jti").textValue().matches("[0-9a-f]{32}"), p.get("jti").textValue());
    }

    @Test
    void aTokenForNoMethodHasNoLxmClaim() throws IOException {
        Parts t = Parts.of(jwts.create(k256, ALICE, APPVIEW + "#bsky_appview", Optional.empty()));
        assertEquals(Set.of("iat", "iss", "aud", "exp", "jti"), names(t.payload()));
        assertEquals(APPVIEW + "#bsky_appview", t.payload().get("aud").textValue(), "the audience as the caller gave it");
    }

    @Test
    void aRequestedExpiryReplacesTheMinute() throws IOException {
        Instant exp = clock.instant().plusSeconds(1800);
        Parts t = Parts.of(jwts.create(k256, ALICE, APPVIEW, Optional.of(GET_TIMELINE), Optional.of(exp)));
        assertEquals(exp.getEpochSecond(), t.payload().get("exp").longValue());
    }

    @Test
    void everyTokenHasItsOwnJti() throws IOException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(Parts.of(jwts.create(k256, ALICE, APPVIEW, Optional.empty())).payload().get("jti").textValue());
        }
        assertEquals(20, seen.size());
    }

    @Test
    void k256SignaturesAreLowSAndVerifyWithPlainBouncyCastle() throws IOException {
        X9ECParameters secp256k1 = SECNamedCurves.getByName("secp256k1");
        BigInteger halfOrder = secp256k1.getN().shiftRight(1);
        for (int i = 0; i < 32; i++) {
            // different claims each time (jti), so the 32 signatures are 32 independent draws of s
            Parts t = Parts.of(jwts.create(k256, ALICE, APPVIEW, Optional.of(GET_TIMELINE)));
            assertEquals(64, t.signature().length, "raw r || s, not DER");
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(t.signature(), 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(t.signature(), 32, 64));
            assertTrue(s.compareTo(halfOrder) <= 0, "s must be in the lower half of the order");

            ECDomainParameters domain = new ECDomainParameters(secp256k1);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(
                    secp256k1.getCurve().decodePoint(k256.publicKey().uncompressed()), domain));
            assertTrue(verifier.verifySignature(sha256(t.signingInput()), r, s));
            assertTrue(k256.publicKey().verify(t.signingInput(), t.signature()), "atproto's strict check");
        }
    }

    @Test
    void p256KeysSignEs256ThatTheJdkAccepts() throws Exception {
        KeyPair p256 = KeyPair.generate(Curve.P256, RANDOM);
        Parts t = Parts.of(jwts.create(p256, ALICE, APPVIEW, Optional.of(GET_TIMELINE)));
        assertEquals("ES256", t.header().get("alg").textValue());
        assertTrue(p256.publicKey().verify(t.signingInput(), t.signature()));

        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(jdkP256Key(p256.publicKey().uncompressed()));
        jdk.update(t.signingInput());
        assertTrue(jdk.verify(t.signature()));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static ECPublicKey jdkP256Key(byte[] uncompressed) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }
}
