package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving an account: the new server takes an existing DID on the strength of a service-auth token
 * that the old server signed with the account's key, resolved through the DID's PLC directory.
 */
class MigrationSignUpXrpcTest {
    @TempDir Path oldDir;
    @TempDir Path newDir;

    @Test
    void anExistingDidSignsUpWithServiceAuthAndStartsDeactivated() {
        try (TestPds oldPds = TestPds.start(oldDir, Map.of());
             TestPds newPds = TestPds.start(newDir, Map.of("PDS_DID_PLC_URL", oldPds.uri("/plc").toString()))) {
            var created = oldPds.post("/xrpc/com.atproto.server.createAccount",
                    "{\"handle\":\"mover.test\",\"email\":\"mover@example.com\",\"password\":\"pw-pw-pw\"}");
            String did = created.json().get("did").asText();
            String access = created.json().get("accessJwt").asText();
            var serviceAuth = oldPds.get("/xrpc/com.atproto.server.getServiceAuth?aud=did:web:localhost"
                    + "&lxm=com.atproto.server.createAccount", "Authorization", "Bearer " + access);
            assertEquals(200, serviceAuth.status(), serviceAuth.text());
            String token = serviceAuth.json().get("token").asText();

            String body = "{\"handle\":\"mover2.test\",\"email\":\"mover@example.com\",\"password\":\"pw-pw-pw\",\"did\":\"" + did + "\"}";
            var withoutAuth = newPds.post("/xrpc/com.atproto.server.createAccount", body);
            assertEquals(401, withoutAuth.status());
            assertEquals("AuthenticationRequired", withoutAuth.error());

            var moved = newPds.post("/xrpc/com.atproto.server.createAccount", body, "Authorization", "Bearer " + token);
            assertEquals(200, moved.status(), moved.text());
            assertEquals(did, moved.json().get("did").asText(), "the account keeps its DID");
            assertFalse(moved.json().has("didDoc"), "the document still points at the old server");

            var session = newPds.get("/xrpc/com.atproto.server.getSession",
                    "Authorization", "Bearer " + moved.json().get("accessJwt").asText());
            assertEquals(200, session.status());
            assertFalse(session.json().get("active").asBoolean(), "deactivated until the move is complete");
            assertEquals("deactivated", session.json().get("status").asText());

            var replayed = newPds.post("/xrpc/com.atproto.server.createAccount",
                    body.replace("mover2", "mover3"), "Authorization", "Bearer " + token);
            assertTrue(replayed.status() >= 400, "the DID is taken now: " + replayed.text());
        }
    }
}
