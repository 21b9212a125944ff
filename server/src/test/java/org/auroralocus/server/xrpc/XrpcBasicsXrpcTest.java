package org.auroralocus.server.xrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Map;
import org.auroralocus.server.PdsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XRPC layer as clients meet it: paths, methods, errors, CORS, health. */
class XrpcBasicsXrpcTest {
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    @Test
    void healthAnswersTheVersion() {
        var r = pds.get("/xrpc/_health");
        assertEquals(200, r.status());
        assertEquals("0.1.0", r.json().get("version").asText());
    }

    @Test
    void describeServerAnswersTheLocalTrialsSettings() {
        var r = pds.get("/xrpc/com.atproto.server.describeServer");
        assertEquals(200, r.status());
        assertEquals("application/json; charset=utf-8", r.header("content-type").orElseThrow());
        assertEquals("did:web:localhost", r.json().get("did").asText());
        assertEquals(".test", r.json().get("availableUserDomains").get(0).asText());
        assertEquals(false, r.json().get("inviteCodeRequired").asBoolean());
        assertEquals(5 * 1024 * 1024, r.json().get("blobUploadLimit").asLong(), "the official default, advertised");
    }

    @Test
    void unknownMethodsAndBadPathsAreInvalidRequests() {
        var unknown = pds.get("/xrpc/com.example.nothing");
        assertEquals(400, unknown.status());
        assertEquals("InvalidRequest", unknown.error());
        assertEquals("No service configured for com.example.nothing", unknown.json().get("message").asText());
        assertEquals("No service configured for not-an-nsid", pds.get("/xrpc/not-an-nsid").json().get("message").asText());
        assertEquals("invalid xrpc path", pds.get("/xrpc/com..bad").json().get("message").asText());
        assertEquals("invalid xrpc path", pds.get("/xrpc/").json().get("message").asText());
    }

    @Test
    void theWrongHttpMethodIsNamed() {
        var r = pds.post("/xrpc/com.atproto.server.describeServer", "{}");
        assertEquals(400, r.status());
        assertEquals("Incorrect HTTP method (POST) expected GET", r.json().get("message").asText());
        var put = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.server.describeServer"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(400, put.status());
        assertEquals("XRPC requests only supports GET and POST", put.json().get("message").asText());
    }

    @Test
    void everyResponseAllowsAnyOriginAndPreflightsAreAnswered() {
        assertEquals("*", pds.get("/xrpc/_health").header("access-control-allow-origin").orElseThrow());
        assertEquals("*", pds.get("/xrpc/com.example.nothing").header("access-control-allow-origin").orElseThrow());
        var preflight = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.server.createSession"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://bsky.app")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build());
        assertEquals(204, preflight.status());
        assertEquals("authorization,content-type", preflight.header("access-control-allow-headers").orElseThrow());
        assertTrue(preflight.header("access-control-allow-methods").orElseThrow().contains("POST"));
    }

    @Test
    void homePageAndRobotsAnswer() {
        assertTrue(pds.get("/").text().contains("AT Protocol Personal Data Server"));
        assertTrue(pds.get("/robots.txt").text().contains("User-agent: *"));
    }
}
