package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.config.Secret;
import org.auroralocus.server.xrpc.Caller.Scope;
import org.auroralocus.server.xrpc.XrpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SessionJwtsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String SERVICE = "did:web:pds.example.com";
    private static final Did ALICE = Did.parse("did:plc:aliceaaaaaaaaaaaaaaaaaaa");
    private static final Set<Scope> ANY = EnumSet.allOf(Scope.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = new TestClock(Instant.parse("2026-03-04T05:06:07.890Z"));
    private final SessionJwts jwts = new SessionJwts(new Secret(SECRET), SERVICE, clock);

    @Test
    void anAccessTokenVerifiesToItsAccountAndScope() {
        String token = jwts.access(ALICE, Scope.APP_PASS, clock.instant());
        assertEquals(new SessionJwts.Access(ALICE, Scope.APP_PASS), jwts.verifyAccess(token, ANY));
    }

    @Test
    void aRefreshTokenVerifiesToItsAccountAndId() {
        String token = jwts.refresh(ALICE, "token-id-1", clock.instant());
        assertEquals(new SessionJwts.Refresh(ALICE, "token-id-1"), jwts.verifyRefresh(token, false));
    }

    /** The independent check: a plain JDK HMAC over the signing input, and Jackson reading header and payload. */
    @Test
    void theAccessTokenIsAPlainHs256JwsWithTheOfficialClaims() throws Exception {
        String token = jwts.access(ALICE, Scope.ACCESS, clock.instant());
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]));
        assertTrue(!parts[2].contains("="), "unpadded base64url");

        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("HS256", header.get("alg").asText());
        assertEquals("at+jwt", header.get("typ").asText());
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("com.atproto.access", payload.get("scope").asText());
        assertTrue(payload.get("aud").isTextual(), "aud is a string, as the official PDS writes it");
        assertEquals(SERVICE, payload.get("aud").asText());
        assertEquals(ALICE.value(), payload.get("sub").asText());
        long iat = clock.instant().getEpochSecond();
        assertEquals(iat, payload.get("iat").asLong());
        assertEquals(iat + 7200, payload.get("exp").asLong());
        assertEquals(5, payload.size());
    }

    @Test
    void theRefreshTokenHasItsOwnTypeScopeAndId() throws Exception {
        String[] parts = jwts.refresh(ALICE, "tid", clock.instant()).split("\\.");
        assertEquals("refresh+jwt", JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("typ").asText());
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("com.atproto.refresh", payload.get("scope").asText());
        assertEquals("tid", payload.get("jti").asText());
        assertEquals(90L * 86400, payload.get("exp").asLong() - payload.get("iat").asLong());
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = jwts.access(ALICE, Scope.ACCESS, clock.instant());
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertInvalid(() -> jwts.verifyAccess(tampered, ANY), "Token could not be verified");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = jwts.access(ALICE, Scope.APP_PASS, clock.instant()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("com.atproto.appPass", "com.atproto.access");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertInvalid(() -> jwts.verifyAccess(forged, ANY), "Token could not be verified");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        SessionJwts other = new SessionJwts(new Secret("another secret of enough length!!"), SERVICE, clock);
        assertInvalid(() -> jwts.verifyAccess(other.access(ALICE, Scope.ACCESS, clock.instant()), ANY),
                "Token could not be verified");
    }

    @Test
    void aTokenForAnotherServiceIsRefused() {
        SessionJwts other = new SessionJwts(new Secret(SECRET), "did:web:elsewhere.example.com", clock);
        assertInvalid(() -> jwts.verifyAccess(other.access(ALICE, Scope.ACCESS, clock.instant()), ANY),
                "Token could not be verified");
    }

    @Test
    void eachTokenTypeIsRefusedInTheOthersPlace() {
        assertInvalid(() -> jwts.verifyAccess(jwts.refresh(ALICE, "t", clock.instant()), ANY), "Token could not be verified");
        assertInvalid(() -> jwts.verifyRefresh(jwts.access(ALICE, Scope.ACCESS, clock.instant()), false), "Token could not be verified");
    }

    @Test
    void anUnsignedOrGarbageTokenIsRefused() {
        String[] parts = jwts.access(ALICE, Scope.ACCESS, clock.instant()).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertInvalid(() -> jwts.verifyAccess(none + "." + parts[1] + ".", ANY), "Token could not be verified");
        assertInvalid(() -> jwts.verifyAccess("garbage", ANY), "Token could not be verified");
        assertInvalid(() -> jwts.verifyAccess("a.b.c", ANY), "Token could not be verified");
    }

    @Test
    void aTokenVerifiedBeforeIsStillCheckedForItsTypeAndScope() {
        String refresh = jwts.refresh(ALICE, "t", clock.instant());
        jwts.verifyRefresh(refresh, false);
        assertInvalid(() -> jwts.verifyAccess(refresh, ANY), "Token could not be verified");
        String appPassword = jwts.access(ALICE, Scope.APP_PASS, clock.instant());
        jwts.verifyAccess(appPassword, ANY);
        assertInvalid(() -> jwts.verifyAccess(appPassword, EnumSet.of(Scope.ACCESS)), "Bad token scope");
    }

    @Test
    void aTokenExpiresAtItsExpSecond() {
        String token = jwts.access(ALICE, Scope.ACCESS, clock.instant());
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        jwts.verifyAccess(token, ANY);
        clock.advance(Duration.ofSeconds(1));
        var e = assertThrows(XrpcException.class, () -> jwts.verifyAccess(token, ANY));
        assertEquals("ExpiredToken", e.error());
        assertEquals("Token has expired", e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void anExpiredRefreshTokenIsAcceptedOnlyWhereAllowed() {
        String token = jwts.refresh(ALICE, "t", clock.instant());
        clock.advance(Duration.ofDays(91));
        assertEquals("ExpiredToken", assertThrows(XrpcException.class, () -> jwts.verifyRefresh(token, false)).error());
        assertEquals(new SessionJwts.Refresh(ALICE, "t"), jwts.verifyRefresh(token, true));
    }

    @Test
    void aScopeOutsideTheRoutesIsABadTokenScope() {
        String token = jwts.access(ALICE, Scope.APP_PASS, clock.instant());
        assertInvalid(() -> jwts.verifyAccess(token, EnumSet.of(Scope.ACCESS, Scope.APP_PASS_PRIVILEGED)), "Bad token scope");
    }

    @Test
    void aSecretTooShortForHs256IsRefusedAtStart() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SessionJwts(new Secret("short"), SERVICE, clock));
        assertTrue(e.getMessage().contains("PDS_JWT_SECRET"));
    }

    private static void assertInvalid(Executable call, String message) {
        var e = assertThrows(XrpcException.class, call);
        assertEquals(400, e.status());
        assertEquals("InvalidToken", e.error());
        assertEquals(message, e.getMessage());
    }
}
