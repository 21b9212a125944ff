package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.identity.CachingDidResolver;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.config.Secret;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inbound service JWTs, with the official PDS's error names: the issuer's key comes from its DID
 * document through a real {@link CachingDidResolver} in front of a map, so a rotated key is seen
 * first stale and then fresh.
 */
class ServiceJwtVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PDS = "did:web:pds.example.com";
    private static final Did ALICE = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final Did BOB = Did.parse("did:plc:bobbbbbbbbbbbbbbbbbbbbbb");
    private static final Nsid METHOD = Nsid.parse("com.atproto.repo.uploadBlob");
    private static final Nsid OTHER_METHOD = Nsid.parse("com.atproto.repo.createRecord");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-04T05:06:07Z"));
    private final TestDidResolver directory = new TestDidResolver();
    private final ServiceJwtVerifier verifier =
            new ServiceJwtVerifier(new CachingDidResolver(directory, clock), Set.of(PDS), clock);
    private final ServiceJwts jwts = new ServiceJwts(clock, RANDOM);
    private final KeyPair aliceKey = KeyPair.generate(Curve.K256, RANDOM);

    ServiceJwtVerifierTest() {
        directory.publish(ALICE, aliceKey.publicKey());
    }

    private String token(KeyPair key, Optional<Nsid> lxm) {
        return jwts.create(key, ALICE, PDS, lxm);
    }

    private static void assertRefused(String token, Nsid method, String error, String message, ServiceJwtVerifier v) {
        var e = assertThrows(XrpcException.class, () -> v.verify(token, method));
        assertEquals(401, e.status(), e.getMessage());
        assertEquals(error, e.error(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    private void assertRefused(String token, String error, String message) {
        assertRefused(token, METHOD, error, message, verifier);
    }

    // --- forging tokens by hand ---

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode claims() {
        long now = clock.instant().getEpochSecond();
        return JSON.createObjectNode().put("iat", now).put("iss", ALICE.value()).put("aud", PDS)
                .put("exp", now + 60).put("lxm", METHOD.value()).put("jti", "0123456789abcdef0123456789abcdef");
    }

    /** Signs any header and payload text with {@code key}, as a token with those parts would be. */
    private static String forge(String header, String payload, KeyPair key) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + b64(key.sign(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static String forge(ObjectNode payload, KeyPair key) {
        return forge("{\"typ\":\"JWT\",\"alg\":\"" + key.curve().jwtAlg() + "\"}", payload.toString(), key);
    }

    private static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + b64(signature);
    }

    private static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    // --- accepted ---

    @Test
    void acceptsATokenSignedWithTheIssuersAtprotoKey() {
        assertEquals(new VerifiedServiceJwt(ALICE, Optional.empty(), PDS, METHOD),
                verifier.verify(token(aliceKey, Optional.of(METHOD)), METHOD));
    }

    @Test
    void acceptsEs256FromAnIssuerWithAP256Key() {
        KeyPair p256 = KeyPair.generate(Curve.P256, RANDOM);
        directory.publish(BOB, p256.publicKey());
        String token = jwts.create(p256, BOB, PDS, Optional.of(METHOD));
        assertEquals(BOB, verifier.verify(token, METHOD).iss());
    }

    @Test
    void acceptsHighSAndDerSignaturesAsTheOfficialPdsDoesForServiceTokens() {
        String token = token(aliceKey, Optional.of(METHOD));
        byte[] sig = signature(token);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        BigInteger highS = SECNamedCurves.getByName("secp256k1").getN().subtract(s);
        byte[] malleable = sig.clone();
        System.arraycopy(fixed32(highS), 0, malleable, 32, 32);
        String input = token.substring(0, token.lastIndexOf('.'));
        assertFalse(aliceKey.publicKey().verify(input.getBytes(StandardCharsets.UTF_8), malleable),
                "the test's high-S signature must be one atproto's strict check refuses");

        assertEquals(ALICE, verifier.verify(withSignature(token, malleable), METHOD).iss());
        assertEquals(ALICE, verifier.verify(withSignature(token, der(r, s)), METHOD).iss());
    }

    @Test
    void isValidUntilTheSecondOfExpiryHasPassed() {
        String token = token(aliceKey, Optional.of(METHOD));
        clock.advance(Duration.ofSeconds(60));
        verifier.verify(token, METHOD);
        clock.advance(Duration.ofMillis(1));
        assertRefused(token, "JwtExpired", "jwt expired");
    }

    // --- refused before any key is looked up ---

    @Test
    void refusesATokenForAnotherService() {
        assertRefused(jwts.create(aliceKey, ALICE, "did:web:other.example.com", Optional.of(METHOD)),
                "BadJwtAudience", "jwt audience does not match service did");
        assertRefused(jwts.create(aliceKey, ALICE, PDS + "#atproto_pds", Optional.of(METHOD)),
                "BadJwtAudience", "jwt audience does not match service did");
    }

    @Test
    void refusesATokenBoundToAnotherMethodOrToNone() {
        assertRefused(token(aliceKey, Optional.of(OTHER_METHOD)), "BadJwtLexiconMethod",
                "bad jwt lexicon method (\"lxm\"). must match: " + METHOD);
        assertRefused(token(aliceKey, Optional.of(Nsid.parse("com.atproto.repo.UPLOADBLOB"))), "BadJwtLexiconMethod",
                "bad jwt lexicon method (\"lxm\"). must match: " + METHOD);
        assertRefused(token(aliceKey, Optional.empty()), "BadJwtLexiconMethod",
                "missing jwt lexicon method (\"lxm\"). must match: " + METHOD);
        assertRefused(forge(claims().putNull("lxm"), aliceKey), "BadJwtLexiconMethod",
                "bad jwt lexicon method (\"lxm\"). must match: " + METHOD);
    }

    @Test
    void refusesSessionTokensAndProofsByTheirType() {
        SessionJwts sessions = new SessionJwts(new Secret("0123456789abcdef0123456789abcdef"), PDS, clock);
        assertRefused(sessions.access(ALICE, Caller.Scope.ACCESS, clock.instant()), "BadJwtType", "Invalid jwt type \"at+jwt\"");
        assertRefused(sessions.refresh(ALICE, "id", clock.instant()), "BadJwtType", "Invalid jwt type \"refresh+jwt\"");
        assertRefused(forge("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256K\"}", claims().toString(), aliceKey),
                "BadJwtType", "Invalid jwt type \"dpop+jwt\"");
    }

    static Stream<Arguments> poorlyFormatted() {
        String header = b64("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}");
        String payload = b64("{\"iss\":\"did:plc:ewvi7nxzyoun6zhxrhs64oiz\",\"aud\":\"" + PDS + "\",\"exp\":9999999999}");
        return Stream.of(
                Arguments.of("one part", "abc"),
                Arguments.of("two parts", header + "." + payload),
                Arguments.of("four parts", header + "." + payload + ".c2ln.c2ln"),
                Arguments.of("header not base64url", "!!!." + payload + ".c2ln"),
                Arguments.of("header not JSON", b64("typ=JWT") + "." + payload + ".c2ln"),
                Arguments.of("header an array", b64("[]") + "." + payload + ".c2ln"),
                Arguments.of("header without alg", b64("{\"typ\":\"JWT\"}") + "." + payload + ".c2ln"),
                Arguments.of("header with trailing text", b64("{\"alg\":\"ES256K\"} x") + "." + payload + ".c2ln"),
                Arguments.of("payload not JSON", header + "." + b64("exp") + ".c2ln"),
                Arguments.of("payload without exp", header + "." + b64("{\"iss\":\"did:plc:a\",\"aud\":\"" + PDS + "\"}") + ".c2ln"),
                Arguments.of("exp a string", header + "." + b64("{\"iss\":\"did:plc:a\",\"aud\":\"" + PDS + "\",\"exp\":\"9999999999\"}") + ".c2ln"),
                Arguments.of("iss a number", header + "." + b64("{\"iss\":1,\"aud\":\"" + PDS + "\",\"exp\":9999999999}") + ".c2ln"),
                Arguments.of("aud an array", header + "." + b64("{\"iss\":\"did:plc:a\",\"aud\":[\"" + PDS + "\"],\"exp\":9999999999}") + ".c2ln"),
                Arguments.of("lxm a number", header + "." + b64("{\"iss\":\"did:plc:a\",\"aud\":\"" + PDS + "\",\"exp\":9999999999,\"lxm\":1}") + ".c2ln"),
                Arguments.of("nonce an object", header + "." + b64("{\"iss\":\"did:plc:a\",\"aud\":\"" + PDS + "\",\"exp\":9999999999,\"nonce\":{}}") + ".c2ln"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poorlyFormatted")
    void refusesAPoorlyFormattedToken(String name, String token) {
        assertRefused(token, "BadJwt", "poorly formatted jwt");
    }

    @Test
    void refusesAnIssuerThatIsNoDid() {
        for (String iss : new String[] {"alice.example.com", "did:plc:ewvi7nxzyoun6zhxrhs64oiz#", "did:plc:ewvi7nxzyoun6zhxrhs64oiz#a#b", "did:PLC:x"}) {
            assertRefused(forge(claims().put("iss", iss), aliceKey), "BadJwtIss", "jwt iss is not a valid did");
        }
    }

    // --- the issuer's key ---

    @Test
    void refusesATamperedTokenOrSignature() {
        String token = token(aliceKey, Optional.of(METHOD));
        String[] parts = token.split("\\.");
        String otherPayload = b64(claims().put("jti", "ffffffffffffffffffffffffffffffff").toString());
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2], "BadJwtSignature", "jwt signature does not match jwt issuer");
        byte[] flipped = signature(token);
        flipped[10] ^= 1;
        assertRefused(withSignature(token, flipped), "BadJwtSignature", "jwt signature does not match jwt issuer");
        assertRefused(parts[0] + "." + parts[1] + ".***", "BadJwtSignature", "jwt signature does not match jwt issuer");
        assertRefused(token(KeyPair.generate(Curve.K256, RANDOM), Optional.of(METHOD)),
                "BadJwtSignature", "jwt signature does not match jwt issuer");
    }

    @Test
    void refusesAnAlgorithmThatIsNotTheKeys() {
        String es256 = forge("{\"typ\":\"JWT\",\"alg\":\"ES256\"}", claims().toString(), aliceKey);
        assertRefused(es256, "BadJwtSignature", "could not verify jwt signature");
        String hs256 = forge("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", claims().toString(), aliceKey);
        assertRefused(hs256, "BadJwtSignature", "could not verify jwt signature");
    }

    @Test
    void refusesAnIssuerWhoseDidDoesNotResolve() {
        String unknown = jwts.create(aliceKey, BOB, PDS, Optional.of(METHOD));
        assertRefused(unknown, "AuthenticationRequired", "could not resolve iss did");
        directory.fail(ALICE, new IdentityException(IdentityException.Reason.UNAVAILABLE, "directory down"));
        assertRefused(token(aliceKey, Optional.of(METHOD)), "AuthenticationRequired", "could not resolve iss did");
    }

    @Test
    void refusesAnIssuerWithoutAnAtprotoKey() {
        directory.publish(TestDidResolver.document(ALICE, Map.of("other", aliceKey.publicKey())));
        assertRefused(token(aliceKey, Optional.of(METHOD)), "AuthenticationRequired", "missing or bad key in did doc");
    }

    @Test
    void aValidSignatureNeedsNoFreshLookup() {
        verifier.verify(token(aliceKey, Optional.of(METHOD)), METHOD);
        int before = directory.lookups();
        verifier.verify(token(aliceKey, Optional.of(METHOD)), METHOD);
        assertEquals(before, directory.lookups(), "served from the cache");
    }

    @Test
    void aRotatedKeyIsFoundByOneFreshLookup() {
        verifier.verify(token(aliceKey, Optional.of(METHOD)), METHOD); // the old document is now cached
        KeyPair rotated = KeyPair.generate(Curve.K256, RANDOM);
        directory.publish(ALICE, rotated.publicKey());
        int before = directory.lookups();

        assertEquals(ALICE, verifier.verify(token(rotated, Optional.of(METHOD)), METHOD).iss());
        assertEquals(before + 1, directory.lookups());
        // and the cache now holds the new document: the old key is refused, the new one needs no lookup
        assertRefused(token(aliceKey, Optional.of(METHOD)), "BadJwtSignature", "jwt signature does not match jwt issuer");
        int afterRefusal = directory.lookups();
        verifier.verify(token(rotated, Optional.of(METHOD)), METHOD);
        assertEquals(afterRefusal, directory.lookups());
    }

    @Test
    void aKeyRotatedToAnotherCurveIsFoundToo() {
        verifier.verify(token(aliceKey, Optional.of(METHOD)), METHOD);
        KeyPair p256 = KeyPair.generate(Curve.P256, RANDOM);
        directory.publish(ALICE, p256.publicKey());
        assertEquals(ALICE, verifier.verify(token(p256, Optional.of(METHOD)), METHOD).iss());
    }

    @Test
    void aLabelerSignsWithItsLabelKeyAndOtherServicesWithTheAtprotoKey() {
        KeyPair labelKey = KeyPair.generate(Curve.K256, RANDOM);
        directory.publish(TestDidResolver.document(ALICE, Map.of("atproto", aliceKey.publicKey(), "atproto_label", labelKey.publicKey())));

        String asLabeler = forge(claims().put("iss", ALICE + "#atproto_labeler"), labelKey);
        assertEquals(new VerifiedServiceJwt(ALICE, Optional.of("atproto_labeler"), PDS, METHOD), verifier.verify(asLabeler, METHOD));
        assertRefused(forge(claims().put("iss", ALICE + "#atproto_labeler"), aliceKey),
                "BadJwtSignature", "jwt signature does not match jwt issuer");
        String asFeed = forge(claims().put("iss", ALICE + "#bsky_fg"), aliceKey);
        assertEquals(Optional.of("bsky_fg"), verifier.verify(asFeed, METHOD).issService());
    }

    @Test
    void acceptsAnyOfItsAudiences() {
        ServiceJwtVerifier withEntryway = new ServiceJwtVerifier(directory, Set.of(PDS, "did:web:entryway.example.com"), clock);
        withEntryway.verify(jwts.create(aliceKey, ALICE, "did:web:entryway.example.com", Optional.of(METHOD)), METHOD);
        withEntryway.verify(token(aliceKey, Optional.of(METHOD)), METHOD);
    }

    private static byte[] fixed32(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] der(BigInteger r, BigInteger s) {
        try {
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new ASN1Integer(r));
            v.add(new ASN1Integer(s));
            return new DERSequence(v).getEncoded();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
