package org.auroralocus.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official PDS's createSession limit (30 per 5 minutes per identifier), seen from a client. */
class RateLimitXrpcTest {
    private static final String CREATE_SESSION = "/xrpc/com.atproto.server.createSession";
    private static final String BYPASS_KEY = "bypass-secret";

    @TempDir Path dir;
    private final TestClock clock = TestClock.startingNow();

    private TestPds start(String name, Map<String, String> extra) throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of("PDS_RATE_LIMITS_ENABLED", "true",
                "PDS_RATE_LIMIT_BYPASS_KEY", BYPASS_KEY));
        settings.putAll(extra);
        return TestPds.start(Files.createDirectories(dir.resolve(name)), settings, clock);
    }

    private static TestPds.Response login(TestPds pds, String identifier, String password, String... headers) {
        return pds.post(CREATE_SESSION, "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\"}", headers);
    }

    @Test
    void the31stCreateSessionForOneIdentifierWithin5MinutesIsRefusedWithTheHeaders() throws IOException {
        try (TestPds pds = start("one", Map.of())) {
            var account = TestAccounts.signUp(pds, "rl", "right-password");
            for (int i = 1; i <= 29; i++) {
                assertEquals(401, login(pds, account.handle(), "wrong").status(), "wrong password " + i + " is refused but counted");
            }
            var thirtieth = login(pds, account.handle(), "right-password");
            assertEquals(200, thirtieth.status(), thirtieth.text());
            assertEquals("0", thirtieth.header("RateLimit-Remaining").orElseThrow(), "successful responses carry the headers");

            var refused = login(pds, account.handle(), "right-password");
            assertEquals(429, refused.status());
            assertEquals("RateLimitExceeded", refused.error());
            assertEquals("Rate Limit Exceeded", refused.json().get("message").asText());
            assertEquals("30", refused.header("RateLimit-Limit").orElseThrow());
            assertEquals("0", refused.header("RateLimit-Remaining").orElseThrow());
            assertEquals("30;w=300", refused.header("RateLimit-Policy").orElseThrow());
            long reset = Long.parseLong(refused.header("RateLimit-Reset").orElseThrow());
            long now = clock.instant().getEpochSecond();
            assertTrue(reset > now && reset <= now + 300, "resets within the window: " + reset + " vs now " + now);

            assertEquals(200, login(pds, account.email(), "right-password").status(),
                    "another identifier for the same account is counted apart, as the official");
            assertEquals(401, login(pds, "someone-else.test", "wrong").status(), "other identifiers are unaffected");

            clock.advance(Duration.ofMinutes(5));
            assertEquals(200, login(pds, account.handle(), "right-password").status(), "a new window after 5 minutes");
        }
    }

    @Test
    void the300PerDayLimitOutlastsTheFiveMinuteWindows() throws IOException {
        try (TestPds pds = start("day", Map.of())) {
            for (int window = 0; window < 10; window++) {
                for (int i = 0; i < 30; i++) assertEquals(401, login(pds, "busy.test", "wrong").status());
                clock.advance(Duration.ofMinutes(5));
            }
            var refused = login(pds, "busy.test", "wrong");
            assertEquals(429, refused.status());
            assertEquals("300;w=86400", refused.header("RateLimit-Policy").orElseThrow());
        }
    }

    @Test
    void theSixthMailRequestOfAnAccountWithinAnHourIsRefusedAndOthersAreCountedApart() throws IOException {
        try (TestPds pds = start("mail", Map.of())) {
            var ann = TestAccounts.signUp(pds, "ml", "right-password");
            var bob = TestAccounts.signUp(pds, "ml", "right-password");
            String confirm = "/xrpc/com.atproto.server.requestEmailConfirmation";
            for (int i = 1; i <= 5; i++) assertEquals(200, mailRequest(pds, confirm, ann).status(), "request " + i);
            var refused = mailRequest(pds, confirm, ann);
            assertEquals(429, refused.status(), refused.text());
            assertEquals("RateLimitExceeded", refused.error());
            assertEquals("5;w=3600", refused.header("RateLimit-Policy").orElseThrow());
            assertEquals(200, mailRequest(pds, confirm, bob).status(), "another account has its own count");
            assertEquals(200, mailRequest(pds, "/xrpc/com.atproto.server.requestEmailUpdate", ann).status(),
                    "each mailing method has its own count");
            clock.advance(Duration.ofHours(1));
            assertEquals(200, mailRequest(pds, confirm, ann).status(), "a new hour");
        }
    }

    @Test
    void theSixteenthPasswordResetRequestFromOneIpWithinAnHourIsRefused() throws IOException {
        try (TestPds pds = start("reset", Map.of())) {
            String reset = "/xrpc/com.atproto.server.requestPasswordReset";
            for (int i = 1; i <= 15; i++) {
                assertEquals(200, pds.post(reset, "{\"email\":\"nobody" + i + "@example.com\"}").status(), "request " + i);
            }
            var refused = pds.post(reset, "{\"email\":\"someone@example.com\"}");
            assertEquals(429, refused.status(), "counted per IP, whatever the address");
            assertEquals("15;w=3600", refused.header("RateLimit-Policy").orElseThrow());
        }
    }

    private static TestPds.Response mailRequest(TestPds pds, String path, TestAccounts.SignedUp caller) {
        return pds.send(HttpRequest.newBuilder(pds.uri(path)).header("Authorization", "Bearer " + caller.accessJwt())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void limitsAreOffByDefault() throws IOException {
        try (TestPds pds = TestPds.start(Files.createDirectories(dir.resolve("off")), Map.of(), clock)) {
            for (int i = 0; i < 35; i++) {
                var r = login(pds, "nobody.test", "wrong");
                assertEquals(401, r.status());
                assertTrue(r.header("RateLimit-Limit").isEmpty(), "no rate limit headers when limits are off");
            }
        }
    }

    @Test
    void theBypassKeySkipsTheLimitsAndAWrongKeyDoesNot() throws IOException {
        try (TestPds pds = start("bypass", Map.of())) {
            for (int i = 0; i < 35; i++) {
                assertEquals(401, login(pds, "nobody.test", "wrong", "x-ratelimit-bypass", BYPASS_KEY).status());
            }
            for (int i = 0; i < 30; i++) login(pds, "nobody.test", "wrong", "x-ratelimit-bypass", "guess");
            assertEquals(429, login(pds, "nobody.test", "wrong", "x-ratelimit-bypass", "guess").status());
        }
    }

    @Test
    void clientsBehindAProxyOnTheSameHostAreCountedApart() throws IOException {
        try (TestPds pds = start("proxy", Map.of())) {
            for (int i = 0; i < 30; i++) login(pds, "nobody.test", "wrong", "X-Forwarded-For", "203.0.113.7");
            assertEquals(429, login(pds, "nobody.test", "wrong", "X-Forwarded-For", "203.0.113.7").status());
            assertEquals(401, login(pds, "nobody.test", "wrong", "X-Forwarded-For", "203.0.113.8").status(),
                    "another client forwarded by the proxy has its own count");
        }
    }

    @Test
    void everyCountedResponseCarriesTheTightestLimitAndGetRepoHasItsOwnInsteadOfTheGlobal() throws IOException {
        try (TestPds pds = start("headers", Map.of())) {
            var account = TestAccounts.signUp(pds, "hd", "right-password");
            var described = pds.get("/xrpc/com.atproto.server.describeServer");
            assertEquals("3000;w=300", described.header("RateLimit-Policy").orElseThrow(), "the global per-IP limit");
            var repo = pds.get("/xrpc/com.atproto.sync.getRepo?did=" + account.did());
            assertEquals(200, repo.status());
            assertEquals("6000;w=300", repo.header("RateLimit-Policy").orElseThrow());
            assertEquals("5999", repo.header("RateLimit-Remaining").orElseThrow(), "getRepo does not count against the global");
        }
    }

    @Test
    void aBypassIpSkipsTheLimits() throws IOException {
        try (TestPds pds = start("bypass-ip", Map.of("PDS_RATE_LIMIT_BYPASS_IPS", "127.0.0.1"))) {
            for (int i = 0; i < 35; i++) assertEquals(401, login(pds, "nobody.test", "wrong").status());
        }
    }

    @Test
    void twoInstancesSharingRedisEnforceOneLimit() throws IOException {
        try (RedisServer redis = RedisServer.start(Files.createDirectories(dir.resolve("redis")));
             TestPds a = start("a", Map.of("PDS_REDIS_SCRATCH_ADDRESS", redis.address().toString()));
             TestPds b = start("b", Map.of("PDS_REDIS_SCRATCH_ADDRESS", redis.address().toString()))) {
            for (int i = 0; i < 15; i++) assertEquals(401, login(a, "shared.test", "wrong").status(), "on a, attempt " + (i + 1));
            for (int i = 0; i < 15; i++) assertEquals(401, login(b, "shared.test", "wrong").status(), "on b, attempt " + (i + 16));
            var refused = login(b, "shared.test", "wrong");
            assertEquals(429, refused.status(), "the 31st attempt, counted across both instances");
            assertEquals("RateLimitExceeded", refused.error());
            assertEquals("30;w=300", refused.header("RateLimit-Policy").orElseThrow());
            assertEquals(429, login(a, "shared.test", "wrong").status(), "and the first instance agrees");
            assertNotEquals(429, login(a, "other.test", "wrong").status());
        }
    }
}
