package org.auroralocus.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official repository-write budget (5000 points an hour, 35000 a day per account; a create 3, an
 * update 2, a delete 1), seen from a client. The large applyWrites calls carry a stale swapCommit:
 * they are counted (600 points each) and refused without writing, which keeps the test quick.
 */
class RepoWriteRateLimitXrpcTest {
    private static final String COLLECTION = "com.example.note";
    private static final String PASSWORD = "a-long-password";

    @TempDir Path dir;
    private final TestClock clock = TestClock.startingNow();

    private TestPds start() throws IOException {
        return TestPds.start(Files.createDirectories(dir.resolve("pds")), Map.of("PDS_RATE_LIMITS_ENABLED", "true"), clock);
    }

    private static TestPds.Response create(TestPds pds, TestAccounts.SignedUp account) {
        return pds.post("/xrpc/com.atproto.repo.createRecord", "{\"repo\":\"" + account.did() + "\",\"collection\":\""
                + COLLECTION + "\",\"record\":{\"text\":\"hi\"}}", account.auth());
    }

    /** 200 creates (600 points) that the stale {@code swapCommit} makes fail after they were counted. */
    private static TestPds.Response twoHundredCreates(TestPds pds, TestAccounts.SignedUp account, String staleCommit) {
        StringBuilder writes = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            if (i > 0) writes.append(',');
            writes.append("{\"$type\":\"com.atproto.repo.applyWrites#create\",\"collection\":\"").append(COLLECTION)
                    .append("\",\"value\":{\"text\":\"n").append(i).append("\"}}");
        }
        return pds.post("/xrpc/com.atproto.repo.applyWrites", "{\"repo\":\"" + account.did() + "\",\"swapCommit\":\""
                + staleCommit + "\",\"writes\":[" + writes + "]}", account.auth());
    }

    private static TestAccounts.SignedUp login(TestPds pds, TestAccounts.SignedUp account) {
        var r = pds.post("/xrpc/com.atproto.server.createSession", "{\"identifier\":\"" + account.handle()
                + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, r.status(), r.text());
        return new TestAccounts.SignedUp(account.did(), account.handle(), account.email(), r.json().get("accessJwt").asText(),
                r.json().get("refreshJwt").asText());
    }

    private static void assertRefused(TestPds.Response r, String policy) {
        assertEquals(429, r.status(), r.text());
        assertEquals("RateLimitExceeded", r.error());
        assertEquals("0", r.header("RateLimit-Remaining").orElseThrow());
        assertEquals(policy, r.header("RateLimit-Policy").orElseThrow());
        assertTrue(r.header("Retry-After").isPresent(), "a refusal says when to retry");
    }

    @Test
    void theFourWriteMethodsShareOneHourlyBudgetPerAccountWeighedByKind() throws IOException {
        try (TestPds pds = start()) {
            var ann = TestAccounts.signUp(pds, "rw", PASSWORD);
            var created = create(pds, ann);
            assertEquals(200, created.status(), created.text());
            String rkey = created.json().get("uri").asText().replaceAll(".*/", "");
            String recordCid = created.json().get("cid").asText();

            TestPds.Response r = null;
            for (int call = 1; call <= 8; call++) {
                r = twoHundredCreates(pds, ann, recordCid);
                assertEquals(400, r.status(), "call " + call + ": " + r.text());
                assertEquals("InvalidSwap", r.error(), "counted, then refused without writing");
            }
            // the global per-IP limit was the tighter one until now, so only now do the headers show this budget
            assertEquals("5000;w=3600", r.header("RateLimit-Policy").orElseThrow());
            assertEquals("197", r.header("RateLimit-Remaining").orElseThrow(), "5000 - 3 - 8 * 600");

            var put = pds.post("/xrpc/com.atproto.repo.putRecord", "{\"repo\":\"" + ann.did() + "\",\"collection\":\""
                    + COLLECTION + "\",\"rkey\":\"" + rkey + "\",\"record\":{\"text\":\"edited\"}}", ann.auth());
            assertEquals(200, put.status(), put.text());
            assertEquals("195", put.header("RateLimit-Remaining").orElseThrow(), "a put weighs 2, in the same count");
            var deleted = pds.post("/xrpc/com.atproto.repo.deleteRecord", "{\"repo\":\"" + ann.did() + "\",\"collection\":\""
                    + COLLECTION + "\",\"rkey\":\"" + rkey + "\"}", ann.auth());
            assertEquals(200, deleted.status(), deleted.text());
            assertEquals("194", deleted.header("RateLimit-Remaining").orElseThrow(), "a delete weighs 1");
            var another = create(pds, ann);
            assertEquals(200, another.status(), another.text());
            assertEquals("191", another.header("RateLimit-Remaining").orElseThrow(), "a create weighs 3");

            assertRefused(twoHundredCreates(pds, ann, recordCid), "5000;w=3600");
            assertRefused(create(pds, ann), "5000;w=3600");

            var bob = TestAccounts.signUp(pds, "rw", PASSWORD);
            assertEquals(200, create(pds, bob).status(), "another account has its own budget");

            clock.advance(Duration.ofHours(1));
            var nextHour = create(pds, ann);
            assertEquals(200, nextHour.status(), "a new hour, a new hourly count: " + nextHour.text());
        }
    }

    @Test
    void theDailyBudgetOutlastsTheHourlyWindows() throws IOException {
        try (TestPds pds = start()) {
            var ann = TestAccounts.signUp(pds, "rd", PASSWORD);
            var created = create(pds, ann);
            String recordCid = created.json().get("cid").asText();
            int points = 3;
            // 8 calls an hour (4800 points) stay within the hourly budget; the daily one runs out first
            while (points + 600 <= 35_000) {
                for (int call = 0; call < 8 && points + 600 <= 35_000; call++, points += 600) {
                    var r = twoHundredCreates(pds, ann, recordCid);
                    assertEquals(400, r.status(), "at " + points + " points: " + r.text());
                }
                clock.advance(Duration.ofHours(1));
                ann = login(pds, ann); // access tokens last two hours
            }
            assertRefused(twoHundredCreates(pds, ann, recordCid), "35000;w=86400");

            clock.advance(Duration.ofDays(1));
            assertEquals(200, create(pds, login(pds, ann)).status(), "a new day");
        }
    }
}
