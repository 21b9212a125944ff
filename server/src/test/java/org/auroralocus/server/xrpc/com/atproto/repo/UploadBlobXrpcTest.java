package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.Services;
import org.auroralocus.server.TestAccounts.SignedUp;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestImages;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.actor.db.BlobTable.BlobRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploading blobs as a client does, over real HTTP: the reference that comes back, the type sniffed
 * from the bytes, the limit, the errors, and what the server keeps (the {@code blob} row and the
 * pending upload in the disk store) until a record takes it up or the cleanup removes it.
 */
class UploadBlobXrpcTest {
    private static final int LIMIT = 64 * 1024;

    static final TestClock clock = TestClock.startingNow();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of("PDS_BLOB_UPLOAD_LIMIT", Integer.toString(LIMIT)), clock);

    private static SignedUp signUp() {
        return pds.signUp("blobs", "correct horse battery");
    }

    private static Services services() {
        return pds.server().services();
    }

    private static TestPds.Response upload(SignedUp user, String contentType, byte[] bytes) {
        return pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .headers(user.auth()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private static JsonNode uploaded(SignedUp user, String contentType, byte[] bytes) {
        var r = upload(user, contentType, bytes);
        assertEquals(200, r.status(), r.text());
        return r.json().get("blob");
    }

    private static Optional<BlobRow> row(Did did, Cid cid) {
        return services().actors().transact(did, tx -> tx.blobs().get(cid));
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        return TestImages.png(image);
    }

    private static long tempFiles(Did did) throws IOException {
        Path folder = pds.dataDir().resolve("blobs/temp").resolve(did.toString().replace(':', '_'));
        if (!Files.isDirectory(folder)) return 0;
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void aPngDeclaredAsOctetStreamIsStoredAsPngUnderItsRawCid() throws IOException {
        SignedUp alice = signUp();
        byte[] png = png();

        JsonNode blob = uploaded(alice, "application/octet-stream", png);

        Cid cid = Cid.ofRaw(png);
        assertEquals("blob", blob.get("$type").asText());
        assertEquals(cid.toString(), blob.get("ref").get("$link").asText());
        assertEquals("image/png", blob.get("mimeType").asText());
        assertEquals(png.length, blob.get("size").asLong());
        assertEquals(4, blob.size(), "exactly $type, ref, mimeType and size: " + blob);
        BlobRow row = row(alice.did(), cid).orElseThrow();
        assertEquals("image/png", row.mimeType());
        assertEquals(png.length, row.size());
        assertTrue(row.tempKey().isPresent(), "pending until a record references it");
        assertTrue(services().blobStore().hasTemp(alice.did(), row.tempKey().get()));
        assertFalse(services().blobStore().hasStored(alice.did(), cid));
    }

    @Test
    void textDeclaredAsPngStaysPngSinceNothingIsRecognised() {
        SignedUp bob = signUp();
        JsonNode blob = uploaded(bob, "image/png", "just some text, honestly".getBytes(StandardCharsets.UTF_8));
        assertEquals("image/png", blob.get("mimeType").asText());
    }

    @Test
    void aDeclaredTypeKeepsOnlyItsEssence() {
        SignedUp carol = signUp();
        JsonNode blob = uploaded(carol, "Text/Plain; charset=utf-8", "plain".getBytes(StandardCharsets.UTF_8));
        assertEquals("text/plain", blob.get("mimeType").asText());
    }

    @Test
    void anEmptyUploadIsABlobOfSizeZero() {
        SignedUp dave = signUp();
        JsonNode blob = uploaded(dave, "application/octet-stream", new byte[0]);
        assertEquals(0, blob.get("size").asLong());
        assertEquals(Cid.ofRaw(new byte[0]).toString(), blob.get("ref").get("$link").asText());
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        SignedUp erin = signUp();
        assertEquals(LIMIT, uploaded(erin, "application/octet-stream", new byte[LIMIT]).get("size").asLong());
    }

    @Test
    void overTheLimitIsPayloadTooLargeAndKeepsNothing() throws IOException {
        SignedUp frank = signUp();
        var r = upload(frank, "application/octet-stream", new byte[LIMIT + 1]);
        assertEquals(413, r.status(), r.text());
        assertEquals("PayloadTooLarge", r.error());
        assertEquals("request entity too large", r.json().get("message").asText());
        assertEquals(0, tempFiles(frank.did()));
    }

    @Test
    void overTheLimitWithoutALengthStopsReadingAndKeepsNothing() throws IOException {
        SignedUp grace = signUp();
        // chunked, so the server only learns the size by reading; it must stop soon after the limit
        long offered = 256L * 1024 * 1024;
        AtomicLong served = new AtomicLong();
        InputStream huge = new InputStream() {
            @Override public int read() {
                return served.getAndIncrement() < offered ? 'x' : -1;
            }

            @Override public int read(byte[] b, int off, int len) {
                if (served.get() >= offered) return -1;
                int n = Math.min(len, 64 * 1024);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                served.addAndGet(n);
                return n;
            }
        };
        Optional<TestPds.Response> r;
        try {
            r = Optional.of(pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                    .headers(grace.auth()).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> huge)).build()));
        } catch (UncheckedIOException e) {
            // the server closed the connection while the client was still sending: refused all the same
            r = Optional.empty();
        }
        r.ifPresent(response -> {
            assertEquals(413, response.status(), response.text());
            assertEquals("PayloadTooLarge", response.error());
        });
        assertTrue(served.get() < offered, "the server stopped reading; the client got to send " + served.get());
        assertEquals(0, tempFiles(grace.did()));
        assertTrue(services().blobStore().tempOwners().stream().noneMatch(grace.did()::equals));
    }

    @Test
    void withoutContentTypeTheEncodingIsRequired() {
        SignedUp heidi = signUp();
        var r = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .headers(heidi.auth()).POST(HttpRequest.BodyPublishers.ofByteArray(png())).build());
        assertEquals(400, r.status(), r.text());
        assertEquals("InvalidRequest", r.error());
        assertEquals("Request encoding (Content-Type) required but not provided", r.json().get("message").asText());
    }

    @Test
    void withoutCredentialsAuthIsMissing() {
        var r = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png())).build());
        assertEquals(401, r.status(), r.text());
        assertEquals("AuthMissing", r.error());
    }

    @Test
    void theSameBytesTwiceKeepOnePendingUpload() throws IOException {
        SignedUp ivan = signUp();
        byte[] png = png();
        JsonNode first = uploaded(ivan, "image/png", png);
        String key = row(ivan.did(), Cid.ofRaw(png)).orElseThrow().tempKey().orElseThrow();

        JsonNode second = uploaded(ivan, "image/jpeg", png);

        assertEquals(first, second);
        assertEquals(Optional.of(key), row(ivan.did(), Cid.ofRaw(png)).orElseThrow().tempKey(), "the first key stays");
        assertEquals(1, tempFiles(ivan.did()), "the second copy is dropped");
    }

    @Test
    void theCleanupRemovesUploadsNoRecordTookUpWithinTheHourAndPromotesReferencedOnes() throws IOException {
        SignedUp judy = signUp();
        byte[] stale = "stale".getBytes(StandardCharsets.UTF_8);
        byte[] used = "used by a record".getBytes(StandardCharsets.UTF_8);
        uploaded(judy, "text/plain", stale);
        uploaded(judy, "text/plain", used);
        services().actors().transact(judy.did(), tx -> {
            tx.blobs().addReference(Cid.ofRaw(used), "at://" + judy.did() + "/app.bsky.feed.post/3jzfcijpj2z2a");
            return null;
        });
        clock.advance(Duration.ofMinutes(30));
        byte[] fresh = "fresh".getBytes(StandardCharsets.UTF_8);
        uploaded(judy, "text/plain", fresh);
        services().blobCleanup().run();
        assertTrue(row(judy.did(), Cid.ofRaw(stale)).isPresent(), "half an hour is not stale yet");

        clock.advance(Duration.ofMinutes(31));
        services().blobCleanup().run();

        assertTrue(row(judy.did(), Cid.ofRaw(stale)).isEmpty(), "an hour old and unused: gone");
        assertTrue(row(judy.did(), Cid.ofRaw(fresh)).isPresent(), "only 31 minutes old: kept");
        assertEquals(Optional.empty(), row(judy.did(), Cid.ofRaw(used)).orElseThrow().tempKey(),
                "referenced by a committed record, as after a crash before its move: made permanent, not deleted");
        assertTrue(services().blobStore().hasStored(judy.did(), Cid.ofRaw(used)));
        assertEquals(1, tempFiles(judy.did()), "only the fresh upload is still pending");
    }

    @Test
    void bytesARecordAlreadyReferencesBecomePermanentAtOnce() {
        SignedUp kim = signUp();
        byte[] png = png();
        Cid cid = Cid.ofRaw(png);
        // an imported repository: its records arrive before its blobs
        services().actors().transact(kim.did(), tx -> {
            tx.blobs().addReference(cid, "at://" + kim.did() + "/app.bsky.feed.post/3jzfcijpj2z2a");
            return null;
        });
        var missing = pds.get("/xrpc/com.atproto.repo.listMissingBlobs", kim.auth());
        assertEquals(cid.toString(), missing.json().get("blobs").get(0).get("cid").asText(), missing.text());

        uploaded(kim, "image/png", png);

        assertEquals(Optional.empty(), row(kim.did(), cid).orElseThrow().tempKey());
        assertTrue(services().actors().transact(kim.did(), tx -> tx.blobs().get(cid)).isPresent());
        assertTrue(uncheckedHasStored(kim.did(), cid));
        var after = pds.get("/xrpc/com.atproto.repo.listMissingBlobs", kim.auth());
        assertEquals(0, after.json().get("blobs").size(), after.text());
        assertFalse(after.json().has("cursor"));
    }

    private static boolean uncheckedHasStored(Did did, Cid cid) {
        try {
            return services().blobStore().hasStored(did, cid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aServiceJwtForUploadBlobUploadsForItsIssuer() {
        SignedUp leo = signUp();
        String aud = URLEncoder.encode(pds.server().config().serviceDid(), StandardCharsets.UTF_8);
        var token = pds.get("/xrpc/com.atproto.server.getServiceAuth?aud=" + aud + "&lxm=com.atproto.repo.uploadBlob",
                leo.auth());
        assertEquals(200, token.status(), token.text());
        byte[] png = png();

        var r = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .header("Authorization", "Bearer " + token.json().get("token").asText()).header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(png))).build());

        assertEquals(200, r.status(), r.text());
        assertTrue(row(leo.did(), Cid.ofRaw(png)).isPresent());
    }

    @Test
    void listMissingBlobsPagesByCid() {
        SignedUp mia = signUp();
        Cid[] cids = {Cid.ofRaw(new byte[] {1}), Cid.ofRaw(new byte[] {2}), Cid.ofRaw(new byte[] {3})};
        services().actors().transact(mia.did(), tx -> {
            for (Cid cid : cids) tx.blobs().addReference(cid, "at://" + mia.did() + "/app.bsky.feed.post/3jzfcijpj2z2" + cid.hashCode() % 7);
            return null;
        });
        java.util.List<String> expected = java.util.Arrays.stream(cids).map(Cid::toString).sorted().toList();

        var first = pds.get("/xrpc/com.atproto.repo.listMissingBlobs?limit=2", mia.auth());
        assertEquals(200, first.status(), first.text());
        assertEquals(2, first.json().get("blobs").size());
        assertEquals(expected.get(0), first.json().get("blobs").get(0).get("cid").asText());
        assertTrue(first.json().get("blobs").get(0).get("recordUri").asText().startsWith("at://" + mia.did()));
        String cursor = first.json().get("cursor").asText();
        var second = pds.get("/xrpc/com.atproto.repo.listMissingBlobs?limit=2&cursor=" + cursor, mia.auth());
        assertEquals(1, second.json().get("blobs").size());
        assertEquals(expected.get(2), second.json().get("blobs").get(0).get("cid").asText());

        var tooMany = pds.get("/xrpc/com.atproto.repo.listMissingBlobs?limit=1001", mia.auth());
        assertEquals(400, tooMany.status());
        assertEquals("InvalidRequest", tooMany.error());
        assertEquals(401, pds.get("/xrpc/com.atproto.repo.listMissingBlobs").status());
    }
}
