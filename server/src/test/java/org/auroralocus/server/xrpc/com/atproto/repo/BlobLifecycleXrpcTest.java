package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A picture's life as the app lives it: uploaded, embedded in a post, and gone with the post. */
class BlobLifecycleXrpcTest {
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    @Test
    void aPostMakesItsImagePermanentAndDeletingThePostDeletesTheImage() throws Exception {
        TestAccounts.SignedUp alice = pds.signUp("pics", "correct horse");
        byte[] png = UploadBlobXrpcTest.png();
        var upload = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .headers(alice.auth()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build());
        assertEquals(200, upload.status(), upload.text());
        JsonNode blob = upload.json().get("blob");
        assertEquals("image/png", blob.get("mimeType").asText(), "sniffed from the bytes, not the declared type");
        Cid cid = Cid.ofRaw(png);
        assertFalse(pds.server().services().blobStore().hasStored(alice.did(), cid), "only uploaded, not yet permanent");

        String post = """
                {"repo":"%s","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"a dot",
                "createdAt":"2026-11-28T12:00:00.000Z","embed":{"$type":"app.bsky.embed.images",
                "images":[{"alt":"one red dot","image":%s}]}}}""".formatted(alice.did(), blob);
        var created = pds.post("/xrpc/com.atproto.repo.createRecord", post, alice.auth());
        assertEquals(200, created.status(), created.text());
        assertEquals("valid", created.json().get("validationStatus").asText());
        assertTrue(pds.server().services().blobStore().hasStored(alice.did(), cid), "the committed post made it permanent");
        var status = pds.get("/xrpc/com.atproto.server.checkAccountStatus", alice.auth()).json();
        assertEquals(1, status.get("expectedBlobs").asLong(), "referenced by a record");
        assertEquals(1, status.get("importedBlobs").asLong(), "and held");

        String rkey = created.json().get("uri").asText().substring(created.json().get("uri").asText().lastIndexOf('/') + 1);
        var deleted = pds.post("/xrpc/com.atproto.repo.deleteRecord",
                "{\"repo\":\"" + alice.did() + "\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"" + rkey + "\"}", alice.auth());
        assertEquals(200, deleted.status(), deleted.text());
        assertFalse(pds.server().services().blobStore().hasStored(alice.did(), cid), "its last reference went with the post");
    }

    @Test
    void aBlobReferenceMustMatchTheStoredTypeAndSize() {
        TestAccounts.SignedUp bob = pds.signUp("pics", "correct horse");
        byte[] png = UploadBlobXrpcTest.png();
        var upload = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .headers(bob.auth()).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build());
        JsonNode blob = upload.json().get("blob");
        String wrongType = blob.toString().replace("image/png", "image/jpeg");
        String wrongSize = blob.toString().replace("\"size\":" + png.length, "\"size\":" + (png.length + 1));
        String unknown = blob.toString().replace(blob.get("ref").get("$link").asText(),
                Cid.ofRaw("never uploaded".getBytes()).toString());
        assertEquals("InvalidMimeType", postWith(bob, wrongType).error());
        assertEquals("InvalidSize", postWith(bob, wrongSize).error());
        assertEquals("BlobNotFound", postWith(bob, unknown).error());
    }

    private static TestPds.Response postWith(TestAccounts.SignedUp user, String blob) {
        return pds.post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"app.bsky.feed.post","record":{"$type":"app.bsky.feed.post","text":"x",
                "createdAt":"2026-11-28T12:00:00.000Z","embed":{"$type":"app.bsky.embed.images",
                "images":[{"alt":"x","image":%s}]}}}""".formatted(user.did(), blob), user.auth());
    }
}
