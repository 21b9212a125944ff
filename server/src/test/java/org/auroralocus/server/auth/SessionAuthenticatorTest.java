package org.auroralocus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.config.Secret;
import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.Caller.Scope;
import org.auroralocus.server.xrpc.XrpcException;
import org.junit.jupiter.api.Test;

class SessionAuthenticatorTest {
    private static final Did ALICE = Did.parse("did:plc:aliceaaaaaaaaaaaaaaaaaaa");
    private static final Nsid USER_METHOD = Nsid.parse("com.atproto.server.getSession");
    private static final Nsid MODERATOR_METHOD = Nsid.parse("com.atproto.admin.getAccountInfo");
    private static final Nsid ADMIN_ONLY_METHOD = Nsid.parse("com.atproto.server.createInviteCode");
    private static final Nsid SERVICE_METHOD = Nsid.parse("com.atproto.repo.uploadBlob");

    private final TestClock clock = new TestClock(Instant.parse("2026-03-04T05:06:07Z"));
    private final SessionJwts jwts = new SessionJwts(new Secret("0123456789abcdef0123456789abcdef"), "did:web:localhost", clock);
    private final SessionAuthenticator auth = new SessionAuthenticator(jwts, new Secret("pass:with:colons"));

    private Caller call(Auth mode, Nsid nsid, String header) {
        return auth.authenticate(mode, nsid, Optional.ofNullable(header));
    }

    private String bearer(Scope scope) {
        return "Bearer " + jwts.access(ALICE, scope, clock.instant());
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(Auth mode, Nsid nsid, String header, int status, String error, String message) {
        assertRefusedBy(auth, mode, nsid, header, status, error, message);
    }

    private static void assertRefusedBy(SessionAuthenticator authenticator, Auth mode, Nsid nsid, String header,
                                        int status, String error, String message) {
        var e = assertThrows(XrpcException.class, () -> authenticator.authenticate(mode, nsid, Optional.ofNullable(header)));
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(error, e.error());
        assertEquals(message, e.getMessage());
    }

    @Test
    void eachAccessModeTakesItsScopes() {
        assertEquals(new Caller.User(ALICE, Scope.APP_PASS, Optional.empty()), call(Auth.ACCESS, USER_METHOD, bearer(Scope.APP_PASS)));
        assertEquals(new Caller.User(ALICE, Scope.ACCESS, Optional.empty()), call(Auth.ACCESS_FULL, USER_METHOD, bearer(Scope.ACCESS)));
        call(Auth.ACCESS_PRIVILEGED, USER_METHOD, bearer(Scope.APP_PASS_PRIVILEGED));
        call(Auth.ACCESS_OR_TAKENDOWN, USER_METHOD, bearer(Scope.TAKENDOWN));
        call(Auth.ACCESS_FULL_OR_TAKENDOWN, USER_METHOD, bearer(Scope.TAKENDOWN));
        call(Auth.ACCESS_FULL_OR_TAKENDOWN, USER_METHOD, bearer(Scope.ACCESS));

        assertRefused(Auth.ACCESS_FULL, USER_METHOD, bearer(Scope.APP_PASS_PRIVILEGED), 400, "InvalidToken", "Bad token scope");
        assertRefused(Auth.ACCESS_PRIVILEGED, USER_METHOD, bearer(Scope.APP_PASS), 400, "InvalidToken", "Bad token scope");
        assertRefused(Auth.ACCESS, USER_METHOD, bearer(Scope.TAKENDOWN), 400, "InvalidToken", "Bad token scope");
        assertRefused(Auth.ACCESS_FULL_OR_TAKENDOWN, USER_METHOD, bearer(Scope.APP_PASS_PRIVILEGED), 400, "InvalidToken",
                "Bad token scope");
    }

    @Test
    void userRoutesNameEveryUnusableCredential() {
        assertRefused(Auth.ACCESS, USER_METHOD, null, 401, "AuthMissing", "Authentication Required");
        assertRefused(Auth.ACCESS, USER_METHOD, "Bearer ", 401, "AuthMissing", "Authentication Required");
        assertRefused(Auth.ACCESS, USER_METHOD, "garbage", 400, "InvalidToken", "Malformed authorization header");
        assertRefused(Auth.ACCESS, USER_METHOD, "Bearer a b", 400, "InvalidToken", "Malformed authorization header");
        assertRefused(Auth.ACCESS, USER_METHOD, "Digest abc", 400, "InvalidToken", "Unsupported authorization type: Digest");
        assertRefused(Auth.ACCESS, USER_METHOD, basic("admin:pass:with:colons"), 400, "InvalidToken", "Unexpected authorization type");
        assertRefused(Auth.ACCESS, USER_METHOD, "Bearer nonsense", 400, "InvalidToken", "Token could not be verified");
        // the scheme is case-insensitive
        call(Auth.ACCESS, USER_METHOD, "bearer " + jwts.access(ALICE, Scope.ACCESS, clock.instant()));
    }

    @Test
    void refreshRoutesTakeOnlyABearerRefreshToken() {
        String refresh = "Bearer " + jwts.refresh(ALICE, "jti-1", clock.instant());
        assertEquals(new Caller.Refresh(ALICE, "jti-1"), call(Auth.REFRESH, USER_METHOD, refresh));
        assertRefused(Auth.REFRESH, USER_METHOD, bearer(Scope.ACCESS), 400, "InvalidToken", "Token could not be verified");
        assertRefused(Auth.REFRESH, USER_METHOD, null, 401, "AuthMissing", "Authentication Required");
        assertRefused(Auth.REFRESH, USER_METHOD, basic("admin:x"), 401, "AuthMissing", "Authentication Required");
    }

    @Test
    void onlyLoggingOutAcceptsAnExpiredRefreshToken() {
        String refresh = "Bearer " + jwts.refresh(ALICE, "jti-1", clock.instant());
        clock.advance(Duration.ofDays(91));
        assertRefused(Auth.REFRESH, Nsid.parse("com.atproto.server.refreshSession"), refresh, 400, "ExpiredToken", "Token has expired");
        assertEquals(new Caller.Refresh(ALICE, "jti-1"), call(Auth.REFRESH, Nsid.parse("com.atproto.server.deleteSession"), refresh));
    }

    @Test
    void theAdminIsBasicAdminWithThePasswordWhichMayContainColons() {
        assertEquals(new Caller.Admin(), call(Auth.ADMIN, MODERATOR_METHOD, basic("admin:pass:with:colons")));
        assertEquals(new Caller.Admin(), call(Auth.ADMIN, ADMIN_ONLY_METHOD, "basic " + basic("admin:pass:with:colons").substring(6)));
        for (String wrong : new String[] {null, basic("admin:pass:with"), basic("root:pass:with:colons"), basic("admin"), "Basic %%%"}) {
            assertRefused(Auth.ADMIN, MODERATOR_METHOD, wrong, 401, "AuthenticationRequired", "Authentication Required");
        }
    }

    @Test
    void aUserTokenOnAnAdminRouteIsRefusedAsTheOfficialPdsDoes() {
        assertRefused(Auth.ADMIN, MODERATOR_METHOD, bearer(Scope.ACCESS), 401, "UntrustedIss", "Untrusted issuer");
        assertRefused(Auth.ADMIN, ADMIN_ONLY_METHOD, bearer(Scope.ACCESS), 401, "AuthenticationRequired", "Authentication Required");
        assertRefused(Auth.ADMIN, ADMIN_ONLY_METHOD, "garbage", 401, "AuthenticationRequired", "Authentication Required");
    }

    @Test
    void optionalRoutesReadCredentialsOnlyWhenGiven() {
        assertEquals(new Caller.Anonymous(), call(Auth.OPTIONAL, USER_METHOD, null));
        assertEquals(new Caller.Admin(), call(Auth.OPTIONAL, USER_METHOD, basic("admin:pass:with:colons")));
        assertEquals(new Caller.User(ALICE, Scope.APP_PASS, Optional.empty()), call(Auth.OPTIONAL, USER_METHOD, bearer(Scope.APP_PASS)));
        assertRefused(Auth.OPTIONAL, USER_METHOD, "Bearer nonsense", 400, "InvalidToken", "Token could not be verified");
        assertEquals(new Caller.Anonymous(), call(Auth.NONE, USER_METHOD, "garbage"));
    }

    @Test
    void withoutAVerifierServiceJwtsAreRefused() {
        assertRefused(Auth.SERVICE, USER_METHOD, null, 401, "MissingJwt", "missing jwt");
        String service = "Bearer " + serviceJwts.create(aliceKey, ALICE, "did:web:localhost", Optional.of(SERVICE_METHOD));
        assertRefused(Auth.SERVICE, SERVICE_METHOD, service, 401, "AuthenticationRequired",
                "Service authentication is not supported by this server yet");
        assertEquals(new Caller.User(ALICE, Scope.ACCESS, Optional.empty()), call(Auth.ACCESS_OR_SERVICE, USER_METHOD, bearer(Scope.ACCESS)));
    }

    // --- service JWTs ---

    private final TestDidResolver dids = new TestDidResolver();
    private final KeyPair aliceKey = KeyPair.generate(Curve.K256, new SecureRandom());
    private final ServiceJwts serviceJwts = new ServiceJwts(clock, new SecureRandom());
    private final SessionAuthenticator withServiceAuth = new SessionAuthenticator(jwts, new Secret("pass:with:colons"),
            new ServiceJwtVerifier(dids, Set.of("did:web:localhost"), clock));

    private String serviceBearer(String iss, Nsid lxm) {
        dids.publish(ALICE, aliceKey.publicKey());
        if (iss.equals(ALICE.value())) return "Bearer " + serviceJwts.create(aliceKey, ALICE, "did:web:localhost", Optional.of(lxm));
        // an issuer naming one of Alice's services, signed with her #atproto key
        String header = b64url("{\"typ\":\"JWT\",\"alg\":\"ES256K\"}");
        long now = clock.instant().getEpochSecond();
        String payload = b64url("{\"iss\":\"" + iss + "\",\"aud\":\"did:web:localhost\",\"exp\":" + (now + 60)
                + ",\"lxm\":\"" + lxm + "\"}");
        String input = header + "." + payload;
        return "Bearer " + input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(aliceKey.sign(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private Caller callWithServiceAuth(Auth mode, Nsid nsid, String header) {
        return withServiceAuth.authenticate(mode, nsid, Optional.ofNullable(header));
    }

    private void assertServiceRefused(Auth mode, Nsid nsid, String header, int status, String error, String message) {
        assertRefusedBy(withServiceAuth, mode, nsid, header, status, error, message);
    }

    @Test
    void serviceRoutesTakeAServiceJwtForTheCalledMethod() {
        Caller.Service expected = new Caller.Service(ALICE, "did:web:localhost", Optional.of(SERVICE_METHOD.value()));
        assertEquals(expected, callWithServiceAuth(Auth.SERVICE, SERVICE_METHOD, serviceBearer(ALICE.value(), SERVICE_METHOD)));
        assertServiceRefused(Auth.SERVICE, USER_METHOD, serviceBearer(ALICE.value(), SERVICE_METHOD), 401, "BadJwtLexiconMethod",
                "bad jwt lexicon method (\"lxm\"). must match: " + USER_METHOD);
    }

    @Test
    void serviceRoutesNameEveryMissingOrWrongCredential() {
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, null, 401, "MissingJwt", "missing jwt");
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, "Bearer ", 401, "MissingJwt", "missing jwt");
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, basic("admin:pass:with:colons"), 401, "MissingJwt", "missing jwt");
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, "DPoP abc", 401, "MissingJwt", "missing jwt");
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, "garbage", 400, "InvalidToken", "Malformed authorization header");
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, bearer(Scope.ACCESS), 401, "BadJwtType", "Invalid jwt type \"at+jwt\"");
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, "Bearer nonsense", 401, "BadJwt", "poorly formatted jwt");
    }

    @Test
    void aServiceJwtSpeakingForAServiceOfTheDidIsNotTheAccount() {
        assertServiceRefused(Auth.SERVICE, SERVICE_METHOD, serviceBearer(ALICE + "#bsky_fg", SERVICE_METHOD),
                401, "UntrustedIss", "Untrusted issuer");
    }

    @Test
    void eitherRoutesTellServiceJwtsFromAccessTokensByTheirLxm() {
        assertEquals(new Caller.Service(ALICE, "did:web:localhost", Optional.of(SERVICE_METHOD.value())),
                callWithServiceAuth(Auth.ACCESS_OR_SERVICE, SERVICE_METHOD, serviceBearer(ALICE.value(), SERVICE_METHOD)));
        assertEquals(new Caller.User(ALICE, Scope.APP_PASS, Optional.empty()),
                callWithServiceAuth(Auth.ACCESS_OR_SERVICE, SERVICE_METHOD, bearer(Scope.APP_PASS)));
        // a service JWT for another method is still judged as one, not as a session token
        assertServiceRefused(Auth.ACCESS_OR_SERVICE, USER_METHOD, serviceBearer(ALICE.value(), SERVICE_METHOD), 401,
                "BadJwtLexiconMethod", "bad jwt lexicon method (\"lxm\"). must match: " + USER_METHOD);
        assertServiceRefused(Auth.ACCESS_OR_SERVICE, SERVICE_METHOD, null, 401, "AuthMissing", "Authentication Required");
        assertServiceRefused(Auth.ACCESS_OR_SERVICE, SERVICE_METHOD, "Bearer nonsense", 400, "InvalidToken", "Token could not be verified");
    }
}
