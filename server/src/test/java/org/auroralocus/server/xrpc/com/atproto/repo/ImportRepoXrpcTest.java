package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.auroralocus.atproto.car.CarWriter;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.repo.RepoVerifier;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.actor.db.RepoRootTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * importRepo over HTTP: a repository written by the official {@code @atproto/repo} for the account,
 * and one exported by this server, are taken in with their records and data root; bad CARs and
 * refused imports change nothing.
 */
class ImportRepoXrpcTest {
    private static final String CAR = "application/vnd.ipld.car";

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of("PDS_MAX_REPO_IMPORT_SIZE", "1000000"));

    @Test
    void aRepositoryWrittenByTheOfficialPackageIsImportedWithItsRecordsDataRootAndMissingBlob(@TempDir Path dir) throws Exception {
        RepoUser user = RepoUser.signUp(pds, "official");
        byte[] png = "a picture that was never uploaded here".getBytes(StandardCharsets.UTF_8);
        Cid blob = Cid.ofRaw(png);
        String keyHex = pds.server().services().actors().signingKey(user.did()).privateKeyHex();
        Path car = dir.resolve("official.car");
        JsonNode written = OfficialPackages.locate("import-interop.mjs", "@atproto/repo").run("write-repo", car.toString(),
                user.did().toString(), keyHex, blob.toString(), Integer.toString(png.length));
        assertTrue(written.path("ok").asBoolean(), written.toString());
        long seqBefore = RepoUser.lastSeq(pds.running());

        var r = importCar(user, Files.readAllBytes(car));
        assertEquals(200, r.status(), r.text());

        Map<String, String> expected = new TreeMap<>();
        written.get("records").forEach(rec -> expected.put(rec.get("collection").asText() + "/" + rec.get("rkey").asText(),
                rec.get("cid").asText()));
        assertEquals(13, expected.size(), "the script's repository: 13 posts less one deleted, plus a profile");
        assertEquals(expected, user.listed(100), "listRecords serves exactly the imported records, with their CIDs");
        assertEquals(written.get("data").asText(), stored(user, repo -> repo.commit().data()).toString(),
                "the data root the official package reported");

        JsonNode missing = pds.get("/xrpc/com.atproto.repo.listMissingBlobs", user.auth()).json();
        assertEquals(1, missing.get("blobs").size(), missing.toString());
        assertEquals(blob.toString(), missing.at("/blobs/0/cid").asText());
        assertEquals("at://" + user.did() + "/app.bsky.feed.post/3kzzzzzzzzzz2", missing.at("/blobs/0/recordUri").asText());

        var key = pds.server().services().actors().signingKey(user.did()).publicKey();
        assertEquals(Long.valueOf(13), stored(user, repo -> RepoVerifier.verify(repo, user.did(), key)),
                "the imported commit is re-signed with the account's key and the whole tree is stored");
        var events = RepoUser.eventsSince(pds.running(), seqBefore);
        assertEquals(List.of("#sync"), events.stream().map(e -> e.type()).toList(), "relays hear of the new commit");
    }

    @Test
    void importingAnExportedRepositoryBackRestoresItsRecordsAndDataRoot() {
        RepoUser user = RepoUser.signUp(pds, "restore");
        for (int i = 0; i < 5; i++) assertEquals(200, user.createRecord("com.example.thing", RepoUser.thing(i)).status());
        byte[] exported = export(user);
        Map<String, String> before = user.listed(100);
        Cid dataBefore = stored(user, repo -> repo.commit().data());
        RepoRootTable.RepoRoot rootBefore = root(user);

        for (int i = 5; i < 8; i++) assertEquals(200, user.createRecord("com.example.other", RepoUser.thing(i)).status());
        String firstKey = before.keySet().iterator().next();
        var deleted = user.post("com.atproto.repo.deleteRecord", RepoUser.JSON.createObjectNode().put("repo", user.did().toString())
                .put("collection", "com.example.thing").put("rkey", firstKey.substring(firstKey.indexOf('/') + 1)));
        assertEquals(200, deleted.status(), deleted.text());

        var r = importCar(user, exported);
        assertEquals(200, r.status(), r.text());
        assertEquals(before, user.listed(100), "the records written after the export are gone, the deleted one is back");
        assertEquals(dataBefore, stored(user, repo -> repo.commit().data()));
        assertTrue(root(user).rev().compareTo(rootBefore.rev()) > 0, "the rev moves forward even though the content went back");

        var next = user.createRecord("com.example.thing", RepoUser.thing(99));
        assertEquals(200, next.status(), "the imported repository takes writes: " + next.text());
    }

    static Stream<Arguments> badCars() {
        RepoUser other = RepoUser.signUp(pds, "other");
        assertEquals(200, other.createRecord("com.example.thing", RepoUser.thing(1)).status());
        byte[] othersRepo = export(other);
        return Stream.of(
                Arguments.of("garbage", (Function<byte[], byte[]>) own -> "not a CAR at all".getBytes(StandardCharsets.UTF_8),
                        "Invalid CAR"),
                Arguments.of("empty", (Function<byte[], byte[]>) own -> new byte[0], "Invalid CAR"),
                Arguments.of("truncated", (Function<byte[], byte[]>) own -> Arrays.copyOf(own, own.length - 10), "truncated CAR"),
                Arguments.of("only the commit, its tree missing", (Function<byte[], byte[]>) ImportRepoXrpcTest::commitOnly,
                        "is missing"),
                Arguments.of("another account's repository", (Function<byte[], byte[]>) own -> othersRepo,
                        "not the importing account's"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCars")
    void aBadCarIsRefusedAndChangesNothing(String name, Function<byte[], byte[]> spoil, String messagePart) {
        RepoUser user = RepoUser.signUp(pds, "bad");
        for (int i = 0; i < 3; i++) assertEquals(200, user.createRecord("com.example.thing", RepoUser.thing(i)).status());
        byte[] own = export(user);
        for (int i = 3; i < 5; i++) assertEquals(200, user.createRecord("com.example.thing", RepoUser.thing(i)).status());
        Map<String, String> records = user.listed(100);
        RepoRootTable.RepoRoot root = root(user);

        var r = importCar(user, spoil.apply(own));
        assertEquals(400, r.status(), r.text());
        assertEquals("InvalidRequest", r.error());
        assertTrue(r.json().get("message").asText().contains(messagePart), r.text());
        assertEquals(root.cid(), root(user).cid(), "the repository root is unchanged");
        assertEquals(records, user.listed(100), "the records are unchanged");
    }

    @Test
    void aCarOfAnotherContentTypeIsRefused() {
        RepoUser user = RepoUser.signUp(pds, "type");
        var r = pds.send(request(user, "application/octet-stream", HttpRequest.BodyPublishers.ofByteArray(export(user))));
        assertEquals(400, r.status(), r.text());
        assertEquals("Wrong request encoding (Content-Type): application/octet-stream", r.json().get("message").asText());
    }

    @Test
    void importsAreRefusedWhenTheServiceIsNotAcceptingThem(@TempDir Path dir) {
        try (TestPds closed = TestPds.start(dir.resolve("closed"), Map.of("PDS_ACCEPTING_REPO_IMPORTS", "false"))) {
            RepoUser user = RepoUser.signUp(closed, "closed");
            RepoRootTable.RepoRoot root = root(closed, user);
            var r = importCar(user, export(closed, user));
            assertEquals(400, r.status(), r.text());
            assertEquals("InvalidRequest", r.error());
            assertEquals("Service is not accepting repo imports", r.json().get("message").asText());
            assertEquals(root, root(closed, user));
        }
    }

    @Test
    void aCarOverTheSizeLimitIsPayloadTooLargeWithOrWithoutContentLength(@TempDir Path dir) {
        try (TestPds small = TestPds.start(dir.resolve("small"), Map.of("PDS_MAX_REPO_IMPORT_SIZE", "600"))) {
            RepoUser user = RepoUser.signUp(small, "small");
            for (int i = 0; i < 10; i++) assertEquals(200, user.createRecord("com.example.thing", RepoUser.thing(i)).status());
            byte[] car = export(small, user);
            assertTrue(car.length > 600, "the repository is over the limit: " + car.length);
            RepoRootTable.RepoRoot root = root(small, user);

            var declared = importCar(user, car);
            assertEquals(413, declared.status(), declared.text());
            assertEquals("PayloadTooLarge", declared.error());

            var streamed = small.send(request(user, CAR, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(car))));
            assertEquals(413, streamed.status(), "a chunked body is stopped at the limit too: " + streamed.text());
            assertEquals(root, root(small, user));
        }
    }

    private static TestPds.Response importCar(RepoUser user, byte[] car) {
        return user.pds().send(request(user, CAR, HttpRequest.BodyPublishers.ofByteArray(car)));
    }

    private static HttpRequest request(RepoUser user, String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(user.pds().uri("/xrpc/com.atproto.repo.importRepo"))
                .header("Content-Type", contentType).headers(user.auth()).POST(body).build();
    }

    private static byte[] export(RepoUser user) {
        return export(pds.running(), user);
    }

    /** The account's repository as a CAR, written by the core from its store. */
    private static byte[] export(TestPds server, RepoUser user) {
        return server.server().services().actors().read(user.did(), r -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                r.repository().orElseThrow().writeCar(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** A CAR of the exported commit alone: well formed, but its MST and records are missing. */
    private static byte[] commitOnly(byte[] exported) {
        try {
            var contents = org.auroralocus.atproto.car.CarReader.readAll(new ByteArrayInputStream(exported));
            Cid root = contents.roots().getFirst();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (CarWriter car = CarWriter.open(out, List.of(root))) {
                car.write(new Block(root, contents.blocks().require(root)));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T stored(RepoUser user, Function<Repository, T> look) {
        return pds.server().services().actors().read(user.did(), r -> look.apply(r.repository().orElseThrow()));
    }

    private static RepoRootTable.RepoRoot root(RepoUser user) {
        return root(pds.running(), user);
    }

    private static RepoRootTable.RepoRoot root(TestPds server, RepoUser user) {
        return server.server().services().actors().read(user.did(), r -> r.root()).orElseThrow();
    }
}
