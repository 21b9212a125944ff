package org.auroralocus.server.proxy;

import static org.auroralocus.server.proxy.UpstreamChecks.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AppView proxy over real HTTP: a PDS in dev mode with a fake AppView, report service and chat
 * service on loopback (did:web identities), each checking the service JWTs it is sent.
 */
class ProxyXrpcTest {
    private static final String PASSWORD = "proxy-test-password";
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @RegisterExtension static final FakeService appView = new FakeService();
    @RegisterExtension static final FakeService reports = new FakeService();
    @RegisterExtension static final FakeService chat = new FakeService();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of(
            "PDS_BSKY_APP_VIEW_URL", appView.url(), "PDS_BSKY_APP_VIEW_DID", appView.did(),
            "PDS_REPORT_SERVICE_URL", reports.url(), "PDS_REPORT_SERVICE_DID", reports.did(),
            "PDS_PROXY_HEADERS_TIMEOUT", Long.toString(TIMEOUT.toMillis())));
    static ServerSocket dropping;
    static ServerSocket hanging;
    static final List<Socket> held = new ArrayList<>();
    static TestAccounts.SignedUp alice;

    @BeforeAll
    static void start() throws IOException {
        dropping = acceptor(true);
        hanging = acceptor(false);
        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort();
        }
        chat.services("BskyChatService", "bsky_chat", chat.url(), "dropping", "http://localhost:" + dropping.getLocalPort(),
                "hanging", "http://localhost:" + hanging.getLocalPort(), "refused", "http://localhost:" + refused,
                "nowhere", "not a url");
        alice = pds.signUp("alice", PASSWORD);
    }

    /** A socket that accepts connections and then closes them at once, or holds them without answering. */
    private static ServerSocket acceptor(boolean drop) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    if (drop) {
                        s.getInputStream().read(new byte[1024]);
                        s.close();
                    } else {
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    @AfterAll
    static void stop() throws IOException {
        dropping.close();
        hanging.close();
        synchronized (held) {
            for (Socket s : held) s.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        appView.forget();
        reports.forget();
        chat.forget();
    }

    @Test
    void timelineGoesToTheAppViewWithAFreshServiceTokenAndItsAnswerComesBackUnchanged() throws Exception {
        String body = "{\"feed\":[],\"cursor\":\"abc\",\"extra\":1.5}";
        appView.answer(r -> FakeService.Answer.json(200, body, "atproto-content-labelers", "did:plc:labeler",
                "X-Secret", "not for the client"));
        var r = pds.get("/xrpc/app.bsky.feed.getTimeline?limit=5&cursor=x%20y", "Authorization", "Bearer " + alice.accessJwt(),
                "Accept-Language", "de", "Cookie", "session=1", "X-Forwarded-For", "203.0.113.9", "User-Agent", "client/1",
                "atproto-accept-labelers", "did:plc:abc", "x-bsky-topics", "t");
        assertEquals(200, r.status(), r.text());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals("did:plc:labeler", r.header("atproto-content-labelers").orElseThrow());
        assertTrue(r.header("X-Secret").isEmpty());

        FakeService.Request got = appView.next();
        assertEquals("GET", got.method());
        assertEquals("/xrpc/app.bsky.feed.getTimeline", got.path());
        assertEquals("limit=5&cursor=x%20y", got.query());
        assertEquals("de", got.header("accept-language").orElseThrow());
        assertEquals("did:plc:abc", got.header("atproto-accept-labelers").orElseThrow());
        assertEquals("t", got.header("x-bsky-topics").orElseThrow());
        assertTrue(got.header("cookie").isEmpty());
        assertTrue(got.header("x-forwarded-for").isEmpty());
        assertFalse(got.header("user-agent").orElse("").contains("client/1"));
        checkToken(got, appView.did(), "app.bsky.feed.getTimeline");
    }

    @Test
    void createReportGoesToTheReportServiceWithItsBody() throws Exception {
        reports.answer(r -> FakeService.Answer.json(200, "{\"id\":7}"));
        String report = "{\"reasonType\":\"com.atproto.moderation.defs#reasonSpam\",\"subject\":{\"$type\":\"com.atproto.admin.defs#repoRef\",\"did\":\"did:plc:aaaaaaaaaaaaaaaaaaaaaaaa\"}}";
        var r = pds.post("/xrpc/com.atproto.moderation.createReport", report, alice.auth());
        assertEquals(200, r.status(), r.text());
        assertEquals(7, r.json().get("id").asInt());
        FakeService.Request got = reports.next();
        assertEquals("POST", got.method());
        assertEquals(report, new String(got.body(), StandardCharsets.UTF_8));
        assertTrue(got.header("content-type").orElseThrow().startsWith("application/json"));
        checkToken(got, reports.did(), "com.atproto.moderation.createReport");
    }

    @Test
    void getFeedLooksUpTheGeneratorAndSendsATokenForIt() throws Exception {
        String feed = "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.generator/cats";
        appView.answer(r -> r.path().endsWith("com.atproto.repo.getRecord")
                ? FakeService.Answer.json(200, "{\"uri\":\"" + feed + "\",\"value\":{\"did\":\"did:web:feed.example.com\"}}")
                : FakeService.Answer.json(200, "{\"feed\":[]}"));
        var r = pds.get("/xrpc/app.bsky.feed.getFeed?feed=" + java.net.URLEncoder.encode(feed, StandardCharsets.UTF_8), alice.auth());
        assertEquals(200, r.status(), r.text());
        FakeService.Request lookup = appView.next();
        assertEquals("/xrpc/com.atproto.repo.getRecord", lookup.path());
        assertTrue(lookup.query().contains("rkey=cats"), lookup.query());
        FakeService.Request got = appView.next();
        assertEquals("/xrpc/app.bsky.feed.getFeed", got.path());
        checkToken(got, "did:web:feed.example.com", "app.bsky.feed.getFeedSkeleton");
    }

    @Test
    void theProxyHeaderRoutesToTheServiceItsDidDocumentNames() throws Exception {
        chat.answer(r -> FakeService.Answer.json(200, "{\"convos\":[]}"));
        var r = pds.get("/xrpc/chat.bsky.convo.listConvos", "Authorization", "Bearer " + alice.accessJwt(),
                "atproto-proxy", chat.did() + "#bsky_chat");
        assertEquals(200, r.status(), r.text());
        FakeService.Request got = chat.next();
        assertTrue(got.header("atproto-proxy").isEmpty());
        checkToken(got, chat.did(), "chat.bsky.convo.listConvos");
    }

    @Test
    void aProxyHeaderNamingNoUsableServiceIsRefusedAsTheOfficial() {
        String[] auth = alice.auth();
        var unknownDid = pds.get("/xrpc/app.bsky.feed.getTimeline", auth[0], auth[1],
                "atproto-proxy", "did:web:localhost%3A1#bsky_appview");
        assertEquals(400, unknownDid.status());
        assertEquals("could not resolve proxy did", unknownDid.json().get("message").asText());
        var noService = pds.get("/xrpc/app.bsky.feed.getTimeline", auth[0], auth[1], "atproto-proxy", chat.did() + "#bsky_notif");
        assertEquals(400, noService.status());
        assertEquals("InvalidRequest", noService.error());
        assertEquals("could not resolve proxy did service url", noService.json().get("message").asText());
        var malformed = pds.get("/xrpc/app.bsky.feed.getTimeline", auth[0], auth[1], "atproto-proxy", chat.did());
        assertEquals(400, malformed.status());
        assertEquals("no service id specified in proxy header", malformed.json().get("message").asText());
    }

    @Test
    void upstreamErrorsAreHandedOnAsTheOfficialDoes() {
        appView.answer(r -> switch (r.query()) {
            case "case=404" -> FakeService.Answer.json(404, "{\"error\":\"NotFound\",\"message\":\"Post not found\"}");
            case "case=500json" -> FakeService.Answer.json(500, "{\"error\":\"BrokenIndex\",\"message\":\"index broken\"}");
            case "case=500text" -> new FakeService.Answer(500, Map.of("Content-Type", "text/plain"), "oops".getBytes());
            case "case=501" -> FakeService.Answer.json(501, "{\"error\":\"MethodNotImplemented\",\"message\":\"no\"}");
            case "case=503" -> FakeService.Answer.json(503, "{\"error\":\"NotEnoughResources\",\"message\":\"busy\"}", "Retry-After", "30");
            case "case=429" -> FakeService.Answer.json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"slow\"}", "Retry-After", "5");
            default -> FakeService.Answer.json(200, "{}");
        });
        assertError(get("app.bsky.feed.getPostThread?case=404"), 404, "NotFound", "Post not found");
        assertError(get("app.bsky.feed.getPostThread?case=500json"), 502, "BrokenIndex", "index broken");
        assertError(get("app.bsky.feed.getPostThread?case=500text"), 502, "UpstreamFailure", "Upstream Failure");
        assertError(get("app.bsky.feed.getPostThread?case=501"), 501, "MethodNotImplemented", "no");
        var busy = get("app.bsky.feed.getPostThread?case=503");
        assertError(busy, 503, "NotEnoughResources", "busy");
        assertEquals("30", busy.header("Retry-After").orElseThrow());
        var limited = get("app.bsky.feed.getPostThread?case=429");
        assertError(limited, 429, "RateLimitExceeded", "slow");
        assertEquals("5", limited.header("Retry-After").orElseThrow());
    }

    @Test
    void anUpstreamThatRefusesDropsOrHangsIsAnUpstreamFailureInBoundedTime() {
        for (String service : List.of("refused", "dropping", "hanging")) {
            long start = System.nanoTime();
            var r = pds.get("/xrpc/chat.bsky.convo.listConvos", "Authorization", "Bearer " + alice.accessJwt(),
                    "atproto-proxy", chat.did() + "#" + service);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertError(r, 502, "UpstreamFailure", "Upstream service unreachable");
            assertTrue(took.compareTo(TIMEOUT.plusSeconds(3)) < 0, service + " took " + took);
        }
    }

    @Test
    void callsWithoutCredentialsOrForProtectedMethodsAreNotForwarded() throws Exception {
        var anonymous = pds.get("/xrpc/app.bsky.feed.getTimeline");
        assertError(anonymous, 401, "AuthMissing", "Authentication Required");
        // every protected method is served here, so it is answered locally even with a proxy header
        var isProtected = pds.get("/xrpc/com.atproto.server.getAccountInviteCodes", "Authorization", "Bearer "
                + alice.accessJwt(), "atproto-proxy", appView.did() + "#bsky_appview");
        assertEquals(200, isProtected.status(), isProtected.text());
        assertTrue(isProtected.json().has("codes"), isProtected.text());
        assertTrue(appView.nothingReceived(Duration.ofMillis(200)));
    }

    @Test
    void appPasswordSessionsMayNotReachDirectMessages() throws Exception {
        String token = UpstreamChecks.appPasswordToken(pds.running(), alice);
        var r = pds.get("/xrpc/chat.bsky.convo.listConvos", "Authorization", "Bearer " + token,
                "atproto-proxy", chat.did() + "#bsky_chat");
        assertError(r, 400, "InvalidToken", "Bad token method");
        assertTrue(chat.nothingReceived(Duration.ofMillis(200)));
    }

    private TestPds.Response get(String pathAndQuery) {
        return pds.get("/xrpc/" + pathAndQuery, alice.auth());
    }

    private static void checkToken(FakeService.Request got, String aud, String lxm) throws IOException {
        UpstreamChecks.checkToken(pds.running(), got, alice.did(), aud, lxm);
    }
}
