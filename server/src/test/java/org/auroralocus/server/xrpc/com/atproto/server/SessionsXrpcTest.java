package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.account.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions as clients meet them over real HTTP: logging in, refreshing, logging out, app
 * passwords, and every kind of unusable credential with the official error names. The server's
 * clock only moves when a test moves it (forward only, so tests never disturb each other).
 */
class SessionsXrpcTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ADMIN_PASSWORD = "admin-secret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger();

    static final TestClock clock = TestClock.startingNow();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of("PDS_ADMIN_PASSWORD", ADMIN_PASSWORD), clock);

    // --- logging in ---

    @Test
    void logsInByHandleByEmailAndByDidInAnyCase() {
        Account alice = newAccount();
        for (String identifier : List.of(alice.handle().value(), alice.handle().value().toUpperCase(),
                alice.email().orElseThrow(), alice.email().orElseThrow().toUpperCase(), alice.did().value())) {
            var r = login(identifier, PASSWORD);
            assertEquals(200, r.status(), identifier + ": " + r.text());
            JsonNode body = r.json();
            assertEquals(alice.did().value(), body.get("did").asText());
            assertEquals(alice.handle().value(), body.get("handle").asText());
            assertEquals(alice.email().orElseThrow(), body.get("email").asText());
            assertFalse(body.get("emailConfirmed").asBoolean());
            assertTrue(body.get("active").asBoolean());
            assertFalse(body.has("status"));
            assertFalse(body.has("didDoc"));
            assertEquals(3, body.get("accessJwt").asText().split("\\.").length);
            assertEquals(3, body.get("refreshJwt").asText().split("\\.").length);
        }
    }

    @Test
    void sessionTokensAreTheOfficialJwts() {
        Account alice = newAccount();
        JsonNode session = login(alice.handle().value(), PASSWORD).json();

        String access = session.get("accessJwt").asText();
        assertEquals("at+jwt", part(access, 0).get("typ").asText());
        assertEquals("HS256", part(access, 0).get("alg").asText());
        JsonNode claims = part(access, 1);
        assertEquals("com.atproto.access", claims.get("scope").asText());
        assertEquals("did:web:localhost", claims.get("aud").asText());
        assertEquals(alice.did().value(), claims.get("sub").asText());
        assertEquals(clock.instant().getEpochSecond(), claims.get("iat").asLong());
        assertEquals(2 * 3600, claims.get("exp").asLong() - claims.get("iat").asLong());

        String refresh = session.get("refreshJwt").asText();
        assertEquals("refresh+jwt", part(refresh, 0).get("typ").asText());
        JsonNode refreshClaims = part(refresh, 1);
        assertEquals("com.atproto.refresh", refreshClaims.get("scope").asText());
        assertEquals(alice.did().value(), refreshClaims.get("sub").asText());
        assertTrue(refreshClaims.get("jti").asText().length() >= 40, "a random token id");
        assertEquals(90L * 24 * 3600, refreshClaims.get("exp").asLong() - refreshClaims.get("iat").asLong());
    }

    @Test
    void aWrongPasswordAndAnUnknownIdentifierLookAlike() {
        Account alice = newAccount();
        for (var r : List.of(login(alice.handle().value(), "wrong password"), login("nobody.test", PASSWORD),
                login("nobody@example.com", PASSWORD), login("not an identifier!", PASSWORD))) {
            assertEquals(401, r.status());
            assertEquals("AuthenticationRequired", r.error());
            assertEquals("Invalid identifier or password", r.json().get("message").asText());
        }
    }

    @Test
    void missingLoginFieldsAreInvalidRequests() {
        var r = pds.post("/xrpc/com.atproto.server.createSession", "{\"identifier\":\"a.test\"}");
        assertEquals(400, r.status());
        assertEquals("InvalidRequest", r.error());
        assertTrue(r.json().get("message").asText().contains("password"));
    }

    @Test
    void aLoginBodyOver150KibIsTooLarge() {
        String big = "x".repeat(151 * 1024);
        var r = pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"a.test\",\"password\":\"" + big + "\"}");
        assertEquals(413, r.status());
        assertEquals("PayloadTooLarge", r.error());
    }

    @Test
    void getSessionAnswersTheAccountOfTheAccessToken() {
        Account alice = newAccount();
        var r = pds.get("/xrpc/com.atproto.server.getSession", bearer(accessJwt(alice)));
        assertEquals(200, r.status(), r.text());
        assertEquals(alice.did().value(), r.json().get("did").asText());
        assertEquals(alice.handle().value(), r.json().get("handle").asText());
        assertEquals(alice.email().orElseThrow(), r.json().get("email").asText());
        assertFalse(r.json().get("emailConfirmed").asBoolean());
        assertTrue(r.json().get("active").asBoolean());
    }

    // --- unusable credentials ---

    @Test
    void noCredentialsIsAuthMissing() {
        var r = pds.get("/xrpc/com.atproto.server.getSession");
        assertEquals(401, r.status());
        assertEquals("AuthMissing", r.error());
        assertEquals("Authentication Required", r.json().get("message").asText());
    }

    @Test
    void garbageAndMalformedCredentialsAreInvalidTokens() {
        assertInvalidToken(pds.get("/xrpc/com.atproto.server.getSession", "Authorization", "Bearer garbage.not.jwt"),
                "Token could not be verified");
        assertInvalidToken(pds.get("/xrpc/com.atproto.server.getSession", "Authorization", "garbage"),
                "Malformed authorization header");
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertInvalidToken(pds.get("/xrpc/com.atproto.server.getSession", "Authorization", "Basic " + basic),
                "Unexpected authorization type");
    }

    @Test
    void refreshAndAccessTokensOnlyWorkInTheirOwnPlaces() {
        Account alice = newAccount();
        JsonNode session = login(alice.handle().value(), PASSWORD).json();
        assertInvalidToken(pds.get("/xrpc/com.atproto.server.getSession", bearer(session.get("refreshJwt").asText())),
                "Token could not be verified");
        assertInvalidToken(pds.post("/xrpc/com.atproto.server.refreshSession", "", bearer(session.get("accessJwt").asText())),
                "Token could not be verified");
        assertInvalidToken(pds.post("/xrpc/com.atproto.server.deleteSession", "", bearer(session.get("accessJwt").asText())),
                "Token could not be verified");
    }

    @Test
    void anExpiredAccessTokenIsExpiredToken() {
        Account alice = newAccount();
        String access = accessJwt(alice);
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        var r = pds.get("/xrpc/com.atproto.server.getSession", bearer(access));
        assertEquals(400, r.status());
        assertEquals("ExpiredToken", r.error());
        assertEquals("Token has expired", r.json().get("message").asText());
    }

    // --- refresh and logout ---

    @Test
    void refreshingRotatesAndAConsumedTokenGetsTheSameNextTokenWithinTheGrace() {
        Account alice = newAccount();
        String first = login(alice.handle().value(), PASSWORD).json().get("refreshJwt").asText();

        var rotated = refresh(first);
        assertEquals(200, rotated.status(), rotated.text());
        assertEquals(alice.did().value(), rotated.json().get("did").asText());
        assertEquals(alice.email().orElseThrow(), rotated.json().get("email").asText());
        String second = rotated.json().get("refreshJwt").asText();
        assertNotEquals(jti(first), jti(second));
        assertEquals(200, pds.get("/xrpc/com.atproto.server.getSession",
                bearer(rotated.json().get("accessJwt").asText())).status());

        clock.advance(Duration.ofSeconds(90));
        var again = refresh(first);
        assertEquals(200, again.status(), again.text());
        assertEquals(jti(second), jti(again.json().get("refreshJwt").asText()), "racing refreshes converge");

        clock.advance(Duration.ofSeconds(31));
        var late = refresh(first);
        assertEquals(400, late.status());
        assertEquals("ExpiredToken", late.error());

        var next = refresh(second);
        assertEquals(200, next.status(), "the session itself goes on: " + next.text());
    }

    @Test
    void deleteSessionRevokesTheRefreshTokenAtOnce() {
        Account alice = newAccount();
        JsonNode session = login(alice.handle().value(), PASSWORD).json();
        String refresh = session.get("refreshJwt").asText();

        var deleted = pds.post("/xrpc/com.atproto.server.deleteSession", "", bearer(refresh));
        assertEquals(200, deleted.status(), deleted.text());

        var r = refresh(refresh);
        assertEquals(400, r.status());
        assertEquals("ExpiredToken", r.error());
        assertEquals("Token has been revoked", r.json().get("message").asText());
        // access tokens are stateless, as in the official PDS: valid until they expire
        assertEquals(200, pds.get("/xrpc/com.atproto.server.getSession", bearer(session.get("accessJwt").asText())).status());
    }

    // --- app passwords ---

    @Test
    void appPasswordSessionsWorkButSeeNoEmailAndCannotManageAppPasswords() {
        Account alice = newAccount();
        String full = accessJwt(alice);
        var created = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"my client\"}", bearer(full));
        assertEquals(200, created.status(), created.text());
        String appPassword = created.json().get("password").asText();
        assertTrue(appPassword.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"), appPassword);
        assertEquals("my client", created.json().get("name").asText());
        assertFalse(created.json().get("privileged").asBoolean());
        assertTrue(created.json().get("createdAt").asText().endsWith("Z"));

        var login = login(alice.handle().value(), appPassword);
        assertEquals(200, login.status(), login.text());
        assertFalse(login.json().has("email"));
        String appAccess = login.json().get("accessJwt").asText();
        assertEquals("com.atproto.appPass", part(appAccess, 1).get("scope").asText());

        var session = pds.get("/xrpc/com.atproto.server.getSession", bearer(appAccess));
        assertEquals(200, session.status(), session.text());
        assertEquals(alice.did().value(), session.json().get("did").asText());
        assertFalse(session.json().has("email"));
        assertFalse(session.json().has("emailConfirmed"));

        assertInvalidToken(pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"another\"}", bearer(appAccess)),
                "Bad token scope");
        assertInvalidToken(pds.get("/xrpc/com.atproto.server.listAppPasswords", bearer(appAccess)), "Bad token scope");
        assertInvalidToken(pds.post("/xrpc/com.atproto.server.revokeAppPassword", "{\"name\":\"my client\"}", bearer(appAccess)),
                "Bad token scope");

        var refreshed = refresh(login.json().get("refreshJwt").asText());
        assertEquals(200, refreshed.status(), refreshed.text());
        assertEquals("com.atproto.appPass", part(refreshed.json().get("accessJwt").asText(), 1).get("scope").asText());
        assertFalse(refreshed.json().has("email"));
    }

    @Test
    void privilegedAppPasswordsGetThePrivilegedScope() {
        Account alice = newAccount();
        var created = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"trusted\",\"privileged\":true}",
                bearer(accessJwt(alice)));
        assertEquals(200, created.status(), created.text());
        assertTrue(created.json().get("privileged").asBoolean());
        var login = login(alice.did().value(), created.json().get("password").asText());
        assertEquals("com.atproto.appPassPrivileged", part(login.json().get("accessJwt").asText(), 1).get("scope").asText());
    }

    @Test
    void listedAppPasswordsShowNamesNotSecretsNewestFirst() {
        Account alice = newAccount();
        String full = accessJwt(alice);
        pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"older\"}", bearer(full));
        clock.advance(Duration.ofMillis(5));
        pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"newer\",\"privileged\":true}", bearer(full));

        var r = pds.get("/xrpc/com.atproto.server.listAppPasswords", bearer(full));
        assertEquals(200, r.status(), r.text());
        List<JsonNode> passwords = StreamSupport.stream(r.json().get("passwords").spliterator(), false).toList();
        assertEquals(List.of("newer", "older"), passwords.stream().map(p -> p.get("name").asText()).toList());
        assertTrue(passwords.get(0).get("privileged").asBoolean());
        assertTrue(passwords.stream().noneMatch(p -> p.has("password")));
        assertTrue(passwords.stream().allMatch(p -> p.get("createdAt").asText().endsWith("Z")));
    }

    @Test
    void aDuplicateAppPasswordNameIsAClientError() {
        Account alice = newAccount();
        String full = accessJwt(alice);
        assertEquals(200, pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"twice\"}", bearer(full)).status());
        var r = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"twice\"}", bearer(full));
        assertEquals(400, r.status());
        assertEquals("InvalidRequest", r.error());
        assertTrue(r.json().get("message").asText().contains("already exists"), r.text());
    }

    @Test
    void revokingAnAppPasswordEndsItsSessionsAndItsLogins() {
        Account alice = newAccount();
        String full = accessJwt(alice);
        String appPassword = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"gone soon\"}", bearer(full))
                .json().get("password").asText();
        String appRefresh = login(alice.handle().value(), appPassword).json().get("refreshJwt").asText();

        var revoked = pds.post("/xrpc/com.atproto.server.revokeAppPassword", "{\"name\":\"gone soon\"}", bearer(full));
        assertEquals(200, revoked.status(), revoked.text());

        var r = refresh(appRefresh);
        assertEquals(400, r.status());
        assertEquals("ExpiredToken", r.error());
        assertEquals(401, login(alice.handle().value(), appPassword).status());
        assertEquals(0, pds.get("/xrpc/com.atproto.server.listAppPasswords", bearer(full)).json().get("passwords").size());
    }

    // --- account states ---

    @Test
    void aTakenDownAccountCannotLogInUnlessItAsksForTheNarrowSession() {
        Account alice = newAccount();
        String oldAccess = accessJwt(alice);
        String oldRefresh = login(alice.handle().value(), PASSWORD).json().get("refreshJwt").asText();
        pds.server().accounts().updateTakedown(alice.did(), Optional.of("ticket-1"));

        var refused = login(alice.handle().value(), PASSWORD);
        assertEquals(401, refused.status());
        assertEquals("AccountTakedown", refused.error());

        var narrow = pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + alice.handle() + "\",\"password\":\"" + PASSWORD + "\",\"allowTakendown\":true}");
        assertEquals(200, narrow.status(), narrow.text());
        assertFalse(narrow.json().get("active").asBoolean());
        assertEquals("takendown", narrow.json().get("status").asText());
        String narrowAccess = narrow.json().get("accessJwt").asText();
        assertEquals("com.atproto.takendown", part(narrowAccess, 1).get("scope").asText());
        assertInvalidToken(pds.get("/xrpc/com.atproto.server.getSession", bearer(narrowAccess)), "Bad token scope");

        var old = pds.get("/xrpc/com.atproto.server.getSession", bearer(oldAccess));
        assertEquals(400, old.status());
        assertEquals("InvalidRequest", old.error());
        assertEquals("Could not find user info for account: " + alice.did(), old.json().get("message").asText());

        var oldRefreshed = refresh(oldRefresh);
        assertEquals(401, oldRefreshed.status());
        assertEquals("AccountTakedown", oldRefreshed.error());
    }

    @Test
    void aDeactivatedAccountLogsInAndIsToldItIsInactive() {
        Account alice = newAccount();
        pds.server().accounts().deactivate(alice.did());
        var r = login(alice.handle().value(), PASSWORD);
        assertEquals(200, r.status(), r.text());
        assertFalse(r.json().get("active").asBoolean());
        assertEquals("deactivated", r.json().get("status").asText());
        var session = pds.get("/xrpc/com.atproto.server.getSession", bearer(r.json().get("accessJwt").asText()));
        assertEquals("deactivated", session.json().get("status").asText());
    }

    // --- helpers ---

    private static Account newAccount() {
        int n = NEXT.incrementAndGet();
        return TestAccounts.create(pds.running(), "User" + n + ".test", "User" + n + "@Example.com", PASSWORD);
    }

    private static TestPds.Response login(String identifier, String password) {
        try {
            String body = JSON.writeValueAsString(Map.of("identifier", identifier, "password", password));
            return pds.post("/xrpc/com.atproto.server.createSession", body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String accessJwt(Account account) {
        var r = login(account.handle().value(), PASSWORD);
        assertEquals(200, r.status(), r.text());
        return r.json().get("accessJwt").asText();
    }

    private static TestPds.Response refresh(String refreshJwt) {
        return pds.post("/xrpc/com.atproto.server.refreshSession", "", bearer(refreshJwt));
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String jti(String jwt) {
        return part(jwt, 1).get("jti").asText();
    }

    /** A JWT's header (0) or payload (1), decoded by hand. */
    private static JsonNode part(String jwt, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertInvalidToken(TestPds.Response r, String message) {
        assertEquals(400, r.status(), r.text());
        assertEquals("InvalidToken", r.error());
        assertEquals(message, r.json().get("message").asText());
    }
}
