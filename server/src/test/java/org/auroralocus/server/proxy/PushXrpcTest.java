package org.auroralocus.server.proxy;

import static org.auroralocus.server.proxy.UpstreamChecks.assertError;
import static org.auroralocus.server.proxy.UpstreamChecks.checkToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * registerPush and unregisterPush over real HTTP: the notification service is the one the body names,
 * found through its did:web document's #bsky_notif entry, or the configured AppView itself.
 */
class PushXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER = "app.bsky.notification.registerPush";
    private static final String UNREGISTER = "app.bsky.notification.unregisterPush";

    @RegisterExtension static final FakeService appView = new FakeService();
    @RegisterExtension static final FakeService notif = new FakeService();
    @RegisterExtension static final FakeService chatOnly = new FakeService();
    @RegisterExtension static final FakeService wrongType = new FakeService();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(appView.asAppView());
    static TestAccounts.SignedUp dana;

    @BeforeAll
    static void start() {
        notif.services("BskyNotificationService", "bsky_notif", notif.url());
        chatOnly.services("BskyChatService", "bsky_chat", chatOnly.url());
        wrongType.services("BskyChatService", "bsky_notif", wrongType.url());
        dana = pds.signUp("dana", "password-dana");
    }

    @BeforeEach
    void forgetEarlierRequests() {
        appView.forget();
        notif.forget();
        notif.answer(r -> FakeService.Answer.json(200, "{}"));
        appView.answer(r -> FakeService.Answer.json(200, "{}"));
    }

    @Test
    void registerPushReachesTheServiceTheDidDocumentNamesWithATokenForIt() throws Exception {
        var r = pds.post("/xrpc/" + REGISTER, device(notif.did(), "ios") + ",\"ageRestricted\":true}", dana.auth());
        assertEquals(200, r.status(), r.text());
        FakeService.Request got = notif.next();
        assertEquals("POST", got.method());
        assertEquals("/xrpc/" + REGISTER, got.path());
        assertTrue(got.header("content-type").orElseThrow().startsWith("application/json"));
        JsonNode body = JSON.readTree(got.body());
        assertEquals(notif.did(), body.get("serviceDid").asText());
        assertEquals("device-token-1", body.get("token").asText());
        assertEquals("ios", body.get("platform").asText());
        assertEquals("xyz.blueskyweb.app", body.get("appId").asText());
        assertTrue(body.get("ageRestricted").asBoolean());
        checkToken(pds.running(), got, dana.did(), notif.did(), REGISTER);
        assertTrue(appView.nothingReceived(Duration.ofMillis(100)));
    }

    @Test
    void theAppViewsOwnDidGoesToTheConfiguredAppView() throws Exception {
        var register = pds.post("/xrpc/" + REGISTER, device(appView.did(), "android") + "}", dana.auth());
        assertEquals(200, register.status(), register.text());
        FakeService.Request got = appView.next();
        assertEquals("/xrpc/" + REGISTER, got.path());
        assertEquals("android", JSON.readTree(got.body()).get("platform").asText());
        checkToken(pds.running(), got, dana.did(), appView.did(), REGISTER);

        var unregister = pds.post("/xrpc/" + UNREGISTER, device(appView.did(), "android") + "}", dana.auth());
        assertEquals(200, unregister.status(), unregister.text());
        checkToken(pds.running(), appView.next(), dana.did(), appView.did(), UNREGISTER);
    }

    @Test
    void unregisterPushReachesTheNotificationServiceWithItsOwnMethodInTheToken() throws Exception {
        var r = pds.post("/xrpc/" + UNREGISTER, device(notif.did(), "web") + "}", dana.auth());
        assertEquals(200, r.status(), r.text());
        FakeService.Request got = notif.next();
        assertEquals("/xrpc/" + UNREGISTER, got.path());
        JsonNode body = JSON.readTree(got.body());
        assertEquals("device-token-1", body.get("token").asText());
        assertEquals("web", body.get("platform").asText());
        checkToken(pds.running(), got, dana.did(), notif.did(), UNREGISTER);
    }

    @Test
    void aDidDocumentWithoutANotificationServiceIsRefused() {
        for (String method : new String[] {REGISTER, UNREGISTER}) {
            for (FakeService service : new FakeService[] {chatOnly, wrongType}) {
                assertError(pds.post("/xrpc/" + method, device(service.did(), "ios") + "}", dana.auth()), 400,
                        "InvalidRequest", "invalid notification service details in did document: " + service.did());
            }
        }
        String nowhere = "did:web:localhost%3A1";
        assertError(pds.post("/xrpc/" + REGISTER, device(nowhere, "ios") + "}", dana.auth()), 400,
                "InvalidRequest", "could not resolve did document: " + nowhere);
    }

    @Test
    void inputTheLexiconRefusesNeverLeavesTheServer() throws Exception {
        String[] bodies = {
            "{\"token\":\"t\",\"platform\":\"ios\",\"appId\":\"a\"}",
            "{\"serviceDid\":\"not a did\",\"token\":\"t\",\"platform\":\"ios\",\"appId\":\"a\"}",
            "{\"serviceDid\":\"" + notif.did() + "\",\"platform\":\"ios\",\"appId\":\"a\"}",
            "{\"serviceDid\":\"" + notif.did() + "\",\"token\":\"t\",\"appId\":\"a\"}",
            "{\"serviceDid\":\"" + notif.did() + "\",\"token\":\"t\",\"platform\":\"ios\"}",
            "{\"serviceDid\":\"" + notif.did() + "\",\"token\":7,\"platform\":\"ios\",\"appId\":\"a\"}",
            "{\"serviceDid\":\"" + notif.did() + "\",\"token\":\"t\",\"platform\":\"ios\",\"appId\":\"a\",\"ageRestricted\":\"yes\"}",
        };
        for (String body : bodies) {
            var r = pds.post("/xrpc/" + REGISTER, body, dana.auth());
            assertEquals(400, r.status(), body + " -> " + r.text());
            assertEquals("InvalidRequest", r.error(), body + " -> " + r.text());
        }
        assertTrue(notif.nothingReceived(Duration.ofMillis(100)));
    }

    @Test
    void aPlatformOutsideTheKnownValuesIsLeftToTheService() throws Exception {
        // the lexicon's platform is an open set (knownValues), so the service judges it, as with the official PDS
        notif.answer(r -> FakeService.Answer.json(400, "{\"error\":\"InvalidRequest\",\"message\":\"Unsupported platform\"}"));
        assertError(pds.post("/xrpc/" + REGISTER, device(notif.did(), "windows") + "}", dana.auth()), 400,
                "InvalidRequest", "Unsupported platform");
        assertEquals("windows", JSON.readTree(notif.next().body()).get("platform").asText());
    }

    @Test
    void serviceFailuresAreHandedOnAsTheProxyDoes() {
        notif.answer(r -> FakeService.Answer.json(500, "{\"error\":\"Broken\",\"message\":\"queue down\"}"));
        assertError(pds.post("/xrpc/" + REGISTER, device(notif.did(), "ios") + "}", dana.auth()), 502, "Broken", "queue down");
        notif.answer(r -> new FakeService.Answer(503, java.util.Map.of("Content-Type", "text/plain"), "busy".getBytes()));
        assertError(pds.post("/xrpc/" + UNREGISTER, device(notif.did(), "ios") + "}", dana.auth()), 503,
                "NotEnoughResources", "Not Enough Resources");
    }

    @Test
    void anAppPasswordSessionMayRegisterButNoSessionMayNot() throws Exception {
        String token = UpstreamChecks.appPasswordToken(pds.running(), dana);
        var r = pds.post("/xrpc/" + REGISTER, device(notif.did(), "ios") + "}", "Authorization", "Bearer " + token);
        assertEquals(200, r.status(), r.text());
        checkToken(pds.running(), notif.next(), dana.did(), notif.did(), REGISTER);

        var anonymous = pds.post("/xrpc/" + REGISTER, device(notif.did(), "ios") + "}");
        assertEquals(401, anonymous.status(), anonymous.text());
        assertTrue(notif.nothingReceived(Duration.ofMillis(100)));
    }

    /** A request body without its closing brace, so a test may add fields. */
    private static String device(String serviceDid, String platform) {
        return "{\"serviceDid\":\"" + serviceDid + "\",\"token\":\"device-token-1\",\"platform\":\"" + platform
                + "\",\"appId\":\"xyz.blueskyweb.app\"";
    }
}
