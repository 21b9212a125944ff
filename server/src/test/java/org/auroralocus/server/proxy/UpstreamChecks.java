package org.auroralocus.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.auth.ServiceJwtVerifier;
import org.auroralocus.server.auth.VerifiedServiceJwt;

/** What the proxy tests check on both sides: the service JWT a fake service got, the error a client got. */
final class UpstreamChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamChecks() {}

    /** The token verifies against {@code iss}'s DID document, for this service and method, for a minute. */
    static void checkToken(TestPds pds, FakeService.Request got, Did iss, String aud, String lxm) throws IOException {
        String authorization = got.header("authorization").orElseThrow();
        assertTrue(authorization.startsWith("Bearer "), authorization);
        String token = authorization.substring(7);
        VerifiedServiceJwt verified = new ServiceJwtVerifier(pds.server().services().dids(), Set.of(aud), Clock.systemUTC())
                .verify(token, Nsid.parse(lxm));
        assertEquals(iss, verified.iss());
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("ES256K", header.get("alg").asText());
        assertEquals(aud, claims.get("aud").asText());
        assertEquals(lxm, claims.get("lxm").asText());
        assertEquals(60, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertFalse(claims.path("jti").asText().isEmpty());
    }

    /** An access token of a fresh (unprivileged) app-password session of {@code who}. */
    static String appPasswordToken(TestPds pds, TestAccounts.SignedUp who) {
        String appPassword = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"phone\"}", who.auth())
                .json().get("password").asText();
        return pds.post("/xrpc/com.atproto.server.createSession", "{\"identifier\":\"" + who.handle()
                + "\",\"password\":\"" + appPassword + "\"}").json().get("accessJwt").asText();
    }

    static void assertError(TestPds.Response r, int status, String error, String message) {
        assertEquals(status, r.status(), r.text());
        assertEquals(error, r.error(), r.text());
        assertEquals(message, r.json().path("message").asText(), r.text());
    }
}
