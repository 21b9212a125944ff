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
    void anAccountMovesWithItsDidAndItsRepository() {
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

            // the repository follows: exported by the old server (written by our core from its store),
            // imported by the new one under the same DID
            for (int i = 0; i < 30; i++) {
                var post = oldPds.post("/xrpc/com.atproto.repo.createRecord", "{\"repo\":\"" + did
                        + "\",\"collection\":\"app.bsky.feed.post\",\"record\":{\"$type\":\"app.bsky.feed.post\","
                        + "\"text\":\"post " + i + "\",\"createdAt\":\"2026-11-28T12:00:00.000Z\"}}", "Authorization", "Bearer " + access);
                assertEquals(200, post.status(), post.text());
            }
            var car = oldPds.send(java.net.http.HttpRequest.newBuilder(oldPds.uri("/xrpc/com.atproto.sync.getRepo?did=" + did)).GET().build());
            assertEquals(200, car.status());
            var imported = newPds.send(java.net.http.HttpRequest.newBuilder(newPds.uri("/xrpc/com.atproto.repo.importRepo"))
                    .header("Authorization", "Bearer " + moved.json().get("accessJwt").asText())
                    .header("Content-Type", "application/vnd.ipld.car")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(car.body())).build());
            assertEquals(200, imported.status(), imported.text());
            org.auroralocus.atproto.syntax.Did account = org.auroralocus.atproto.syntax.Did.parse(did);
            // the account stays deactivated (its DID document still names the old server), so its
            // records are compared in the stores rather than through listRecords
            assertEquals(30, records(oldPds, account).size());
            assertEquals(records(oldPds, account), records(newPds, account), "the same records with the same CIDs");
            assertEquals(dataRoot(oldPds, account), dataRoot(newPds, account), "the same MST root");

            var replayed = newPds.post("/xrpc/com.atproto.server.createAccount",
                    body.replace("mover2", "mover3"), "Authorization", "Bearer " + token);
            assertTrue(replayed.status() >= 400, "the DID is taken now: " + replayed.text());
        }
    }

    private static java.util.Map<String, org.auroralocus.atproto.cbor.Cid> records(TestPds pds, org.auroralocus.atproto.syntax.Did did) {
        return pds.server().services().actors().read(did, r -> r.repository().orElseThrow().records()
                .collect(java.util.stream.Collectors.toMap(rec -> rec.path().toString(), rec -> rec.cid())));
    }

    private static org.auroralocus.atproto.cbor.Cid dataRoot(TestPds pds, org.auroralocus.atproto.syntax.Did did) {
        return pds.server().services().actors().read(did, r -> r.repository().orElseThrow().commit().data());
    }
}
