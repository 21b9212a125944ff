package org.auroralocus.server.xrpc.com.atproto.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.mst.MstEntry;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.repo.RepoLoader;
import org.auroralocus.atproto.repo.Repository;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestAccounts.SignedUp;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The com.atproto.sync endpoints as a relay or another PDS uses them, over real HTTP, against
 * accounts and records written over HTTP: CARs checked by the core and by the official
 * {@code @atproto/repo}, proofs, blobs with their headers, listings, and the errors' names.
 */
class SyncXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private static final String THINGS = "com.example.thing";

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    // --- helpers -------------------------------------------------------------------------------

    private static SignedUp signUp() {
        return pds.signUp("sync", PASSWORD);
    }

    private static TestPds.Response get(String nsid, String... params) {
        return pds.running().query(nsid, params);
    }

    private static String create(SignedUp user, String rkey, JsonNode record) {
        ObjectNode body = JSON.createObjectNode().put("repo", user.did().toString()).put("collection", THINGS).put("rkey", rkey);
        body.set("record", record);
        var r = pds.post("/xrpc/com.atproto.repo.createRecord", body.toString(), user.auth());
        assertEquals(200, r.status(), r.text());
        return r.json().get("cid").asText();
    }

    private static void delete(SignedUp user, String rkey) {
        ObjectNode body = JSON.createObjectNode().put("repo", user.did().toString()).put("collection", THINGS).put("rkey", rkey);
        var r = pds.post("/xrpc/com.atproto.repo.deleteRecord", body.toString(), user.auth());
        assertEquals(200, r.status(), r.text());
    }

    /** Creates {@code count} records with keys {@code <prefix>0000...} in applyWrites batches of up to 200. */
    private static void createMany(SignedUp user, String prefix, int count) {
        for (int from = 0; from < count; from += 200) {
            ObjectNode request = JSON.createObjectNode().put("repo", user.did().toString());
            ArrayNode writes = request.putArray("writes");
            for (int i = from; i < Math.min(count, from + 200); i++) {
                writes.addObject().put("$type", "com.atproto.repo.applyWrites#create").put("collection", THINGS)
                        .put("rkey", prefix + String.format("%04d", i)).set("value", thing(i));
            }
            var r = pds.post("/xrpc/com.atproto.repo.applyWrites", request.toString(), user.auth());
            assertEquals(200, r.status(), r.text());
        }
    }

    private static ObjectNode thing(int n) {
        return JSON.createObjectNode().put("$type", THINGS).put("n", n).put("note", "thing " + n);
    }

    private static PublicKey key(Did did) {
        return pds.server().services().dids().resolveFresh(did).orElseThrow().atprotoKey().orElseThrow();
    }

    private static RepoRoot storedRoot(Did did) {
        return pds.server().services().actors().read(did, r -> r.root()).orElseThrow();
    }

    /** path -> CID of every record listRecords serves for the test collection. */
    private static Map<String, String> listed(Did did) {
        return pds.running().listedRecords(did.toString(), THINGS, 100);
    }

    private static CarContents car(TestPds.Response r) throws IOException {
        assertEquals(200, r.status(), r.text());
        assertEquals("application/vnd.ipld.car", r.header("Content-Type").orElseThrow());
        return CarReader.readAll(new ByteArrayInputStream(r.body()));
    }

    private static void assertError(TestPds.Response r, String error, String message) {
        assertEquals(400, r.status(), r.text());
        assertEquals(error, r.error(), r.text());
        assertEquals(message, r.json().get("message").asText());
    }

    // --- getRepo -------------------------------------------------------------------------------

    @Test
    void getRepoIsACarTheCoreAndTheOfficialPackagesVerifyHoldingWhatListRecordsServes() throws Exception {
        SignedUp alice = signUp();
        for (int i = 0; i < 12; i++) create(alice, "r" + i, thing(i));
        createMany(alice, "b", 30);
        delete(alice, "r3");

        var r = get("com.atproto.sync.getRepo", "did", alice.did().toString());
        assertEquals(200, r.status(), r.text());
        assertEquals("application/vnd.ipld.car", r.header("Content-Type").orElseThrow());
        Repository repo = RepoLoader.loadVerified(new ByteArrayInputStream(r.body()), alice.did(), key(alice.did()));
        assertEquals(storedRoot(alice.did()).cid(), repo.commitCid(), "rooted at the current commit");
        Map<String, String> inCar = repo.mst().entries()
                .collect(Collectors.toMap(MstEntry::key, e -> e.value().toString(), (a, b) -> a, TreeMap::new));
        Map<String, String> expected = listed(alice.did());
        assertEquals(41, expected.size());
        assertEquals(expected, inCar, "the CAR's tree holds exactly the records listRecords serves");
        assertEquals(41, repo.records().count(), "every record block is in the CAR and matches its CID");

        Path file = pds.dataDir().resolve("alice.car");
        Files.write(file, r.body());
        JsonNode official = OfficialPackages.locate("interop.mjs", "@atproto/repo")
                .run("verify-repo", file.toString(), alice.did().toString(), key(alice.did()).didKey());
        assertTrue(official.path("ok").asBoolean(), official.toString());
        Map<String, String> officialRecords = new TreeMap<>();
        official.get("records").forEach(x -> officialRecords.put(x.get("collection").asText() + "/" + x.get("rkey").asText(),
                x.get("cid").asText()));
        assertEquals(expected, officialRecords, "the official @atproto/repo reads the same records");
    }

    @Test
    void getRepoSinceHoldsTheCommitAndOnlyBlocksWrittenAfterThatRevision() throws Exception {
        SignedUp bob = signUp();
        List<String> oldCids = new ArrayList<>();
        for (int i = 0; i < 5; i++) oldCids.add(create(bob, "old" + i, thing(100 + i)));
        RepoRoot before = storedRoot(bob.did());
        List<String> newCids = List.of(create(bob, "new0", thing(200)), create(bob, "new1", thing(201)));
        RepoRoot now = storedRoot(bob.did());

        CarContents diff = car(get("com.atproto.sync.getRepo", "did", bob.did().toString(), "since", before.rev().toString()));
        assertEquals(List.of(now.cid()), diff.roots());
        assertTrue(diff.blocks().contains(now.cid()), "the commit is in the CAR");
        for (String cid : newCids) assertTrue(diff.blocks().contains(Cid.parse(cid)), "new record " + cid);
        for (String cid : oldCids) assertFalse(diff.blocks().contains(Cid.parse(cid)), "old record " + cid + " is not resent");
        assertFalse(diff.blocks().contains(before.cid()), "the old commit is not resent");
        CarContents full = car(get("com.atproto.sync.getRepo", "did", bob.did().toString()));
        assertTrue(diff.blocks().size() < full.blocks().size(), diff.blocks().size() + " < " + full.blocks().size());

        CarContents none = car(get("com.atproto.sync.getRepo", "did", bob.did().toString(), "since", now.rev().toString()));
        assertEquals(List.of(now.cid()), new ArrayList<>(none.blocks().cids()), "nothing is newer than the current rev but the commit");
    }

    @Test
    void getRepoOfALargeRepositoryIsStreamedInChunks() throws Exception {
        SignedUp carol = signUp();
        createMany(carol, "big", 2000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.sync.getRepo?did=" + carol.did()))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "no length: the CAR is not built before sending");
        assertEquals(Optional.of("chunked"), r.headers().firstValue("Transfer-Encoding"));
        long blocks;
        try (CarReader reader = CarReader.open(r.body())) {
            assertEquals(List.of(storedRoot(carol.did()).cid()), reader.header().roots());
            blocks = 0;
            while (reader.next().isPresent()) blocks++;
        }
        assertTrue(blocks > 2001, "the commit, the MST nodes and 2000 records: " + blocks);
    }

    // --- getRecord -----------------------------------------------------------------------------

    @Test
    void getRecordProvesARecordAndThenItsAbsenceOnceDeleted() throws Exception {
        SignedUp dave = signUp();
        createMany(dave, "p", 50);
        String cid = create(dave, "target", thing(7));
        String key = THINGS + "/target";

        CarContents present = car(get("com.atproto.sync.getRecord", "did", dave.did().toString(), "collection", THINGS,
                "rkey", "target"));
        Commit commit = verifiedCommit(dave.did(), present);
        assertEquals(Optional.of(Cid.parse(cid)), Mst.verifyProof(commit.data(), key, present.blocks()));
        assertTrue(present.blocks().contains(Cid.parse(cid)), "the record itself is in the CAR");

        delete(dave, "target");
        CarContents absent = car(get("com.atproto.sync.getRecord", "did", dave.did().toString(), "collection", THINGS,
                "rkey", "target"));
        Commit after = verifiedCommit(dave.did(), absent);
        assertEquals(storedRoot(dave.did()).cid(), absent.roots().getFirst());
        assertEquals(Optional.empty(), Mst.verifyProof(after.data(), key, absent.blocks()), "the proof shows the key absent");
        assertFalse(absent.blocks().contains(Cid.parse(cid)));
    }

    private static Commit verifiedCommit(Did did, CarContents car) {
        assertEquals(1, car.roots().size());
        Commit commit = Commit.parse(car.blocks().get(car.roots().getFirst()).orElseThrow());
        assertEquals(car.roots().getFirst(), commit.cid(), "the root block is the commit");
        assertTrue(commit.verify(key(did)), "the commit is signed with the account's key");
        assertEquals(did, commit.did());
        return commit;
    }

    // --- getBlocks -----------------------------------------------------------------------------

    @Test
    void getBlocksSendsTheBlocksAskedForAndRefusesWhenOneIsMissing() throws Exception {
        SignedUp erin = signUp();
        String a = create(erin, "a", thing(1));
        String b = create(erin, "b", thing(2));
        CarContents got = car(get("com.atproto.sync.getBlocks", "did", erin.did().toString(), "cids", a, "cids", b));
        assertEquals(List.of(), got.roots());
        assertEquals(2, got.blocks().size());
        for (Block block : got.blocks().blocks()) assertEquals(block.cid(), Cid.ofDagCbor(block.bytes()));

        String unknown = Cid.ofDagCbor(new byte[] {(byte) 0xa0}).toString();
        var missing = get("com.atproto.sync.getBlocks", "did", erin.did().toString(), "cids", a, "cids", unknown);
        assertError(missing, "InvalidRequest", "Could not find cids: " + unknown);
    }

    // --- blobs ---------------------------------------------------------------------------------

    private static JsonNode upload(SignedUp user, String contentType, byte[] bytes) {
        var r = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .headers(user.auth()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertEquals(200, r.status(), r.text());
        return r.json().get("blob");
    }

    @Test
    void getBlobServesAReferencedBlobWithItsTypeLengthAndSafetyHeadersAndNoOtherBlob() {
        SignedUp frank = signUp();
        byte[] bytes = "%PDF-1.4 a small document for the sync test".getBytes(StandardCharsets.US_ASCII);
        JsonNode blob = upload(frank, "application/pdf", bytes);
        ObjectNode record = thing(1);
        record.set("file", blob);
        create(frank, "withblob", record);
        JsonNode pending = upload(frank, "text/plain", "never referenced".getBytes(StandardCharsets.US_ASCII));
        String cid = blob.get("ref").get("$link").asText();

        var r = get("com.atproto.sync.getBlob", "did", frank.did().toString(), "cid", cid);
        assertEquals(200, r.status(), r.text());
        assertEquals(new String(bytes, StandardCharsets.US_ASCII), new String(r.body(), StandardCharsets.US_ASCII));
        assertEquals(blob.get("mimeType").asText(), r.header("Content-Type").orElseThrow());
        assertEquals(Optional.of(Integer.toString(bytes.length)), r.header("Content-Length"));
        assertEquals(Optional.of("default-src 'none'; sandbox"), r.header("Content-Security-Policy"));
        assertEquals(Optional.of("nosniff"), r.header("X-Content-Type-Options"));

        assertError(get("com.atproto.sync.getBlob", "did", frank.did().toString(), "cid", pending.get("ref").get("$link").asText()),
                "InvalidRequest", "Blob not found");
        JsonNode listed = get("com.atproto.sync.listBlobs", "did", frank.did().toString()).json();
        assertEquals(List.of(cid), stream(listed.get("cids")), "listBlobs names the referenced blob only");
        String rev = storedRoot(frank.did()).rev().toString();
        assertEquals(List.of(), stream(get("com.atproto.sync.listBlobs", "did", frank.did().toString(), "since", rev).json()
                .get("cids")), "nothing was referenced after the current revision");
    }

    private static List<String> stream(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // --- listings and status -------------------------------------------------------------------

    @Test
    void latestCommitRepoStatusAndListReposAgreeWithTheActorStore() {
        SignedUp gina = signUp();
        create(gina, "x", thing(1));
        RepoRoot root = storedRoot(gina.did());

        JsonNode latest = get("com.atproto.sync.getLatestCommit", "did", gina.did().toString()).json();
        assertEquals(root.cid().toString(), latest.get("cid").asText());
        assertEquals(root.rev().toString(), latest.get("rev").asText());

        JsonNode status = get("com.atproto.sync.getRepoStatus", "did", gina.did().toString()).json();
        assertEquals(gina.did().toString(), status.get("did").asText());
        assertTrue(status.get("active").asBoolean());
        assertFalse(status.has("status"));
        assertEquals(root.rev().toString(), status.get("rev").asText());

        Map<String, JsonNode> repos = new TreeMap<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            List<String> params = new ArrayList<>(List.of("limit", "2"));
            cursor.ifPresent(c -> params.addAll(List.of("cursor", c)));
            JsonNode page = get("com.atproto.sync.listRepos", params.toArray(String[]::new)).json();
            page.get("repos").forEach(repo -> repos.put(repo.get("did").asText(), repo));
            cursor = page.has("cursor") ? Optional.of(page.get("cursor").asText()) : Optional.empty();
            pages++;
        } while (cursor.isPresent() && pages < 100);
        JsonNode listed = repos.get(gina.did().toString());
        assertEquals(root.cid().toString(), listed.get("head").asText());
        assertEquals(root.rev().toString(), listed.get("rev").asText());
        assertTrue(listed.get("active").asBoolean());
        for (String did : repos.keySet()) {
            assertEquals(storedRoot(Did.parse(did)).cid().toString(), repos.get(did).get("head").asText(), did);
        }
        assertTrue(pages > 1, "paged with limit 2 over " + repos.size() + " repositories");
    }

    @Test
    void aDeactivatedRepositoryIsListedInactiveAndNotServed() {
        SignedUp hank = signUp();
        var r = pds.post("/xrpc/com.atproto.server.deactivateAccount", "{}", hank.auth());
        assertEquals(200, r.status(), r.text());

        JsonNode status = get("com.atproto.sync.getRepoStatus", "did", hank.did().toString()).json();
        assertFalse(status.get("active").asBoolean());
        assertEquals("deactivated", status.get("status").asText());
        assertFalse(status.has("rev"));
        String did = hank.did().toString();
        assertError(get("com.atproto.sync.getRepo", "did", did), "RepoDeactivated", "Repo has been deactivated: " + did);
        assertError(get("com.atproto.sync.getLatestCommit", "did", did), "RepoDeactivated", "Repo has been deactivated: " + did);
    }

    @Test
    void aTakenDownRepositoryIsRepoTakendownEvenWhenAlsoDeactivated() {
        SignedUp ivy = signUp();
        assertEquals(200, pds.post("/xrpc/com.atproto.server.deactivateAccount", "{}", ivy.auth()).status());
        pds.server().accounts().updateTakedown(ivy.did(), Optional.of("mod-1"));
        String did = ivy.did().toString();

        JsonNode status = get("com.atproto.sync.getRepoStatus", "did", did).json();
        assertFalse(status.get("active").asBoolean());
        assertEquals("takendown", status.get("status").asText());
        assertError(get("com.atproto.sync.getRepo", "did", did), "RepoTakendown", "Repo has been takendown: " + did);
        assertError(get("com.atproto.sync.getRecord", "did", did, "collection", THINGS, "rkey", "x"), "RepoTakendown",
                "Repo has been takendown: " + did);
    }

    @Test
    void anUnknownRepositoryIsRepoNotFound() {
        String did = TestAccounts.randomPlcDid().toString();
        String message = "Could not find repo for DID: " + did;
        assertError(get("com.atproto.sync.getRepo", "did", did), "RepoNotFound", message);
        assertError(get("com.atproto.sync.getLatestCommit", "did", did), "RepoNotFound", message);
        assertError(get("com.atproto.sync.getRepoStatus", "did", did), "RepoNotFound", message);
        assertError(get("com.atproto.sync.getRecord", "did", did, "collection", THINGS, "rkey", "x"), "RepoNotFound", message);
        assertError(get("com.atproto.sync.listBlobs", "did", did), "RepoNotFound", message);
        assertError(get("com.atproto.sync.getBlob", "did", did, "cid", Cid.ofRaw(new byte[1]).toString()), "RepoNotFound", message);
    }
}
