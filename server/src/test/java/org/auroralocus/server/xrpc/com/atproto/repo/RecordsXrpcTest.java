package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.auroralocus.server.xrpc.com.atproto.repo.RepoUser.JSON;
import static org.auroralocus.server.xrpc.com.atproto.repo.RepoUser.post;
import static org.auroralocus.server.xrpc.com.atproto.repo.RepoUser.thing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records over real HTTP, as a client sees them: the whole cycle of create, read, list, update and
 * delete; what is refused and that a refusal changes nothing; validation; who may write where.
 * Firehose events of writes are checked in {@link RecordEventsXrpcTest}.
 */
class RecordsXrpcTest {
    private static final String THINGS = "com.example.thing";
    private static final String POSTS = "app.bsky.feed.post";

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    private static List<SeqTable.Row> eventsSince(long seq) {
        return RepoUser.eventsSince(pds.running(), seq);
    }

    private static long lastSeq() {
        return RepoUser.lastSeq(pds.running());
    }

    private static String rkey(JsonNode written) {
        String uri = written.get("uri").asText();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    // --- the cycle ---

    @Test
    void aRecordIsCreatedReadListedUpdatedAndDeleted() {
        RepoUser alice = RepoUser.signUp(pds, "cycle");
        ObjectNode record = post("hello");
        record.remove("$type");

        var created = alice.createRecord(POSTS, record);
        assertEquals(200, created.status(), created.text());
        String rkey = rkey(created.json());
        assertTrue(Tid.isValid(rkey), "a new record's key is a TID: " + rkey);
        assertEquals("at://" + alice.did() + "/" + POSTS + "/" + rkey, created.json().get("uri").asText());
        assertEquals("valid", created.json().get("validationStatus").asText());
        assertEquals(alice.rev().toString(), created.json().at("/commit/rev").asText());

        var read = alice.getRecord(POSTS, rkey);
        assertEquals(200, read.status(), read.text());
        assertEquals(created.json().get("cid").asText(), read.json().get("cid").asText());
        assertEquals(POSTS, read.json().at("/value/$type").asText(), "the missing $type was added");
        assertEquals("hello", read.json().at("/value/text").asText());

        ObjectNode put = alice.createBody(POSTS, post("hello, edited")).put("rkey", rkey);
        var updated = alice.post("com.atproto.repo.putRecord", put);
        assertEquals(200, updated.status(), updated.text());
        assertNotEquals(created.json().get("cid").asText(), updated.json().get("cid").asText());
        assertEquals("hello, edited", alice.getRecord(POSTS, rkey).json().at("/value/text").asText());
        var old = alice.get("com.atproto.repo.getRecord", "repo", alice.did().toString(), "collection", POSTS, "rkey", rkey,
                "cid", created.json().get("cid").asText());
        assertEquals("RecordNotFound", old.error(), "only the current version is kept");

        var samePut = alice.post("com.atproto.repo.putRecord", put);
        assertEquals(200, samePut.status(), samePut.text());
        assertFalse(samePut.json().has("commit"), "writing the same value again commits nothing");

        var listed = alice.get("com.atproto.repo.listRecords", "repo", alice.handle(), "collection", POSTS);
        assertEquals(200, listed.status(), listed.text());
        assertEquals(1, listed.json().get("records").size());
        assertEquals(updated.json().get("cid").asText(), listed.json().at("/records/0/cid").asText());

        ObjectNode delete = JSON.createObjectNode().put("repo", alice.did().toString()).put("collection", POSTS).put("rkey", rkey);
        var deleted = alice.post("com.atproto.repo.deleteRecord", delete);
        assertEquals(200, deleted.status(), deleted.text());
        assertTrue(deleted.json().has("commit"));
        assertEquals("RecordNotFound", alice.getRecord(POSTS, rkey).error());
        assertEquals("Could not locate record: at://" + alice.did() + "/" + POSTS + "/" + rkey,
                alice.getRecord(POSTS, rkey).json().get("message").asText());

        Tid before = alice.rev();
        var again = alice.post("com.atproto.repo.deleteRecord", delete);
        assertEquals(200, again.status(), again.text());
        assertEquals("{}", again.text(), "deleting a record that is gone answers {} with no commit");
        assertEquals(before, alice.rev());
    }

    @Test
    void describeRepoGivesTheHandleDocumentAndSortedCollections() {
        RepoUser bob = RepoUser.signUp(pds, "describe");
        assertEquals(200, bob.createRecord(THINGS, thing(1)).status());
        assertEquals(200, bob.createRecord(POSTS, post("hi")).status());
        assertEquals("InvalidRequest", bob.createRecord("app.bsky.actor.profile", JSON.createObjectNode()).error(),
                "a profile's key is self, never a new TID");

        var described = bob.get("com.atproto.repo.describeRepo", "repo", bob.handle());
        assertEquals(200, described.status(), described.text());
        assertEquals(bob.handle(), described.json().get("handle").asText());
        assertEquals(bob.did().toString(), described.json().get("did").asText());
        assertEquals(bob.did().toString(), described.json().at("/didDoc/id").asText());
        assertEquals(List.of(POSTS, THINGS), texts(described.json().get("collections")));
        assertTrue(described.json().get("handleIsCorrect").asBoolean());

        var unknown = bob.get("com.atproto.repo.describeRepo", "repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
        assertEquals("RepoNotFound", unknown.error());
    }

    @Test
    void createRecordAtAKeyInUseIsRefusedAndChangesNothing() {
        RepoUser carol = RepoUser.signUp(pds, "dup");
        ObjectNode first = carol.createBody(THINGS, thing(1)).put("rkey", "one");
        assertEquals(200, carol.post("com.atproto.repo.createRecord", first).status());
        Tid before = carol.rev();
        long seq = lastSeq();

        var again = carol.post("com.atproto.repo.createRecord", carol.createBody(THINGS, thing(2)).put("rkey", "one"));
        assertEquals(400, again.status(), again.text());
        assertEquals("InvalidRequest", again.error());
        assertTrue(again.json().get("message").asText().contains("already exists"), again.text());
        assertEquals(1, carol.getRecord(THINGS, "one").json().at("/value/n").asInt(), "the first record is untouched");
        assertEquals(before, carol.rev());
        assertEquals(List.of(), eventsSince(seq));
    }

    @Test
    void applyWritesWithOneInvalidWriteAppliesNone() {
        RepoUser dave = RepoUser.signUp(pds, "batch");
        Tid before = dave.rev();
        long seq = lastSeq();
        ObjectNode badPost = post("no date");
        badPost.remove("createdAt");
        ObjectNode body = JSON.createObjectNode().put("repo", dave.did().toString());
        ArrayNode writes = body.putArray("writes");
        writes.addObject().put("$type", ApplyWrites.CREATE).put("collection", THINGS).put("rkey", "a").set("value", thing(1));
        writes.addObject().put("$type", ApplyWrites.CREATE).put("collection", POSTS).set("value", post("fine"));
        writes.addObject().put("$type", ApplyWrites.CREATE).put("collection", POSTS).set("value", badPost);

        var refused = dave.post("com.atproto.repo.applyWrites", body);
        assertEquals(400, refused.status(), refused.text());
        assertEquals("InvalidRequest", refused.error());
        assertEquals("Invalid app.bsky.feed.post record: Missing required key \"createdAt\" at $.writes[2].record",
                refused.json().get("message").asText());
        assertEquals(before, dave.rev());
        assertEquals(List.of(), eventsSince(seq));
        assertEquals("RecordNotFound", dave.getRecord(THINGS, "a").error());

        // an update of a missing record anywhere in the batch also applies nothing
        writes.remove(2);
        writes.addObject().put("$type", ApplyWrites.UPDATE).put("collection", THINGS).put("rkey", "nope").set("value", thing(3));
        var missing = dave.post("com.atproto.repo.applyWrites", body);
        assertEquals("InvalidRequest", missing.error(), missing.text());
        assertEquals(before, dave.rev());

        writes.remove(2);
        writes.addObject().put("$type", ApplyWrites.DELETE).put("collection", THINGS).put("rkey", "a");
        var applied = dave.post("com.atproto.repo.applyWrites", body);
        assertEquals(200, applied.status(), applied.text());
        JsonNode results = applied.json().get("results");
        assertEquals(ApplyWrites.CREATE + "Result", results.at("/0/$type").asText());
        assertEquals("unknown", results.at("/0/validationStatus").asText());
        assertEquals("valid", results.at("/1/validationStatus").asText());
        assertEquals(ApplyWrites.DELETE + "Result", results.at("/2/$type").asText());
        assertEquals(1, results.get(2).size(), "a delete result holds only its type");
        assertEquals("RecordNotFound", dave.getRecord(THINGS, "a").error(), "created then deleted in one commit");
        assertEquals(1, eventsSince(seq).size(), "one batch, one event");
    }

    @Test
    void aStaleSwapIsAnInvalidSwap() {
        RepoUser erin = RepoUser.signUp(pds, "swap");
        var first = erin.post("com.atproto.repo.createRecord", erin.createBody(THINGS, thing(1)).put("rkey", "x"));
        String staleCommit = first.json().at("/commit/cid").asText();
        var second = erin.createRecord(THINGS, thing(2));
        String currentCommit = second.json().at("/commit/cid").asText();

        var stale = erin.post("com.atproto.repo.createRecord", erin.createBody(THINGS, thing(3)).put("swapCommit", staleCommit));
        assertEquals(400, stale.status(), stale.text());
        assertEquals("InvalidSwap", stale.error());
        assertEquals("Commit was at " + currentCommit, stale.json().get("message").asText());

        var fresh = erin.post("com.atproto.repo.createRecord", erin.createBody(THINGS, thing(3)).put("swapCommit", currentCommit));
        assertEquals(200, fresh.status(), fresh.text());

        String recordCid = first.json().get("cid").asText();
        ObjectNode put = erin.createBody(THINGS, thing(4)).put("rkey", "x").put("swapRecord", second.json().get("cid").asText());
        var wrongRecord = erin.post("com.atproto.repo.putRecord", put);
        assertEquals("InvalidSwap", wrongRecord.error());
        assertEquals("Record was at " + recordCid, wrongRecord.json().get("message").asText());
        ObjectNode delete = JSON.createObjectNode().put("repo", erin.did().toString()).put("collection", THINGS)
                .put("rkey", "gone").put("swapRecord", recordCid);
        assertEquals("Record was at null", erin.post("com.atproto.repo.deleteRecord", delete).json().get("message").asText());
        assertEquals(1, erin.getRecord(THINGS, "x").json().at("/value/n").asInt());
    }

    // --- listing ---

    @Test
    void listRecordsPagesThrough250RecordsBothWays() throws IOException {
        RepoUser fay = RepoUser.signUp(pds, "list");
        List<String> keys = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            ObjectNode body = JSON.createObjectNode().put("repo", fay.did().toString());
            ArrayNode writes = body.putArray("writes");
            int n = batch == 0 ? 200 : 50;
            for (int i = 0; i < n; i++) {
                String key = String.format("k%03d", keys.size());
                keys.add(key);
                writes.addObject().put("$type", ApplyWrites.CREATE).put("collection", THINGS).put("rkey", key).set("value", thing(i));
            }
            var r = fay.post("com.atproto.repo.applyWrites", body);
            assertEquals(200, r.status(), r.text());
        }
        assertEquals(200, fay.createRecord(POSTS, post("another collection")).status());

        assertEquals(keys.reversed(), page(fay, false), "newest key first");
        assertEquals(keys, page(fay, true), "oldest key first with reverse");

        var first = fay.get("com.atproto.repo.listRecords", "repo", fay.did().toString(), "collection", THINGS);
        assertEquals(50, first.json().get("records").size(), "50 by default");
        assertEquals("k200", first.json().get("cursor").asText(), "the last key of the page");
        var tooMany = fay.get("com.atproto.repo.listRecords", "repo", fay.did().toString(), "collection", THINGS, "limit", "101");
        assertEquals("InvalidRequest", tooMany.error());

        String raw = rawGet("/xrpc/com.atproto.repo.listRecords?repo=" + fay.did() + "&collection=" + THINGS + "&cursor=%%%");
        assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
        assertTrue(raw.endsWith("{\"records\":[]}"), "cursor=%%% is an empty page: " + raw);
    }

    private static List<String> page(RepoUser user, boolean reverse) {
        List<String> keys = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            List<String> params = new ArrayList<>(List.of("repo", user.did().toString(), "collection", THINGS, "limit", "100",
                    "reverse", String.valueOf(reverse)));
            cursor.ifPresent(c -> params.addAll(List.of("cursor", c)));
            var r = user.get("com.atproto.repo.listRecords", params.toArray(String[]::new));
            assertEquals(200, r.status(), r.text());
            r.json().get("records").forEach(rec -> keys.add(rkey(rec)));
            cursor = r.json().has("cursor") && !r.json().get("records").isEmpty()
                    ? Optional.of(r.json().get("cursor").asText()) : Optional.empty();
        } while (cursor.isPresent());
        return keys;
    }

    /** A request Java's URI class would refuse to build (an invalid percent escape), sent as raw HTTP: the status line and body. */
    private static String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", pds.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) break;
                head.append((char) b);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
            }
            return head.toString().lines().findFirst().orElse("") + "\n" + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    // --- validation ---

    @Test
    void validationStatusIsValidUnknownOrAbsent() {
        RepoUser gus = RepoUser.signUp(pds, "status");
        assertEquals("valid", gus.createRecord(POSTS, post("known")).json().get("validationStatus").asText());
        assertEquals("unknown", gus.createRecord(THINGS, thing(1)).json().get("validationStatus").asText());
        var off = gus.post("com.atproto.repo.createRecord", gus.createBody(THINGS, thing(2)).put("validate", false));
        assertEquals(200, off.status(), off.text());
        assertFalse(off.json().has("validationStatus"));
        ObjectNode badPost = post("no date");
        badPost.remove("createdAt");
        var unchecked = gus.post("com.atproto.repo.createRecord", gus.createBody(POSTS, badPost).put("validate", false));
        assertEquals(200, unchecked.status(), "validate: false writes what it is given");

        var required = gus.post("com.atproto.repo.createRecord", gus.createBody(THINGS, thing(3)).put("validate", true));
        assertEquals("InvalidRequest", required.error());
        assertEquals("Unknown lexicon type: " + THINGS, required.json().get("message").asText());
    }

    @Test
    void aRecordThatBreaksItsLexiconIsRefusedWithThePath() {
        RepoUser hal = RepoUser.signUp(pds, "invalid");
        var badDate = hal.createRecord(POSTS, post("x").put("createdAt", "yesterday"));
        assertEquals(400, badDate.status());
        assertEquals("InvalidRequest", badDate.error());
        String message = badDate.json().get("message").asText();
        assertTrue(message.startsWith("Invalid app.bsky.feed.post record: "), message);
        assertTrue(message.endsWith(" at $.record.createdAt"), message);

        var wrongType = hal.createRecord(THINGS, post("typed as a post"));
        assertEquals("InvalidRequest", wrongType.error());
        assertEquals("Invalid $type: expected com.example.thing, got app.bsky.feed.post", wrongType.json().get("message").asText());

        var notTid = hal.post("com.atproto.repo.createRecord", hal.createBody(POSTS, post("x")).put("rkey", "not-a-tid"));
        assertEquals("InvalidRequest", notTid.error());
        assertTrue(notTid.json().get("message").asText().startsWith("Invalid record key for app.bsky.feed.post"), notTid.text());

        var profile = hal.post("com.atproto.repo.putRecord", hal.createBody("app.bsky.actor.profile",
                JSON.createObjectNode().put("displayName", "Hal")).put("rkey", "self"));
        assertEquals(200, profile.status(), profile.text());
        var notSelf = hal.post("com.atproto.repo.putRecord", hal.createBody("app.bsky.actor.profile",
                JSON.createObjectNode().put("displayName", "Hal")).put("rkey", "other"));
        assertEquals("InvalidRequest", notSelf.error());

        var badKey = hal.post("com.atproto.repo.createRecord", hal.createBody(THINGS, thing(1)).put("rkey", "a/b"));
        assertEquals("InvalidRequest", badKey.error());
    }

    @Test
    void aBlobThatWasNeverUploadedIsNotFound() {
        RepoUser ida = RepoUser.signUp(pds, "blob");
        String cid = "bafkreibjfgx2gprinfvicegelk5kosd6y2frmqpqzwqkg7usac74l3t2v4";
        ObjectNode record = thing(1);
        record.putObject("image").put("$type", "blob").put("mimeType", "image/png").put("size", 1234)
                .putObject("ref").put("$link", cid);
        var r = ida.createRecord(THINGS, record);
        assertEquals(400, r.status(), r.text());
        assertEquals("BlobNotFound", r.error());
        assertEquals("Could not find blob: " + cid, r.json().get("message").asText());
    }

    // repeated: the 413 used to be lost now and then, the connection reset while the client still sent
    @RepeatedTest(10)
    void aBodyOverTheJsonLimitIsTooLarge() {
        RepoUser jo = RepoUser.signUp(pds, "big");
        ObjectNode record = thing(1).put("note", "x".repeat(1_000_001));
        var r = jo.createRecord(THINGS, record);
        assertEquals(413, r.status(), r.text());
    }

    // --- who may write ---

    @Test
    void onlyTheOwnerWritesToARepository() {
        RepoUser kim = RepoUser.signUp(pds, "owner");
        RepoUser lee = RepoUser.signUp(pds, "other");

        var others = lee.post("com.atproto.repo.createRecord", kim.createBody(THINGS, thing(1)));
        assertEquals(401, others.status(), others.text());
        assertEquals("AuthenticationRequired", others.error());

        ObjectNode nowhere = kim.createBody(THINGS, thing(1)).put("repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
        var notHosted = kim.post("com.atproto.repo.createRecord", nowhere);
        assertEquals(403, notHosted.status(), notHosted.text());
        assertEquals("AccountNotFound", notHosted.error());

        var anonymous = pds.post("/xrpc/com.atproto.repo.createRecord", kim.createBody(THINGS, thing(1)).toString());
        assertEquals("AuthMissing", anonymous.error());

        var byHandle = kim.post("com.atproto.repo.createRecord", kim.createBody(THINGS, thing(1)).put("repo", kim.handle()));
        assertEquals(200, byHandle.status(), "the repository may be named by its handle");
    }

    @Test
    void anAppPasswordMayWrite() {
        RepoUser max = RepoUser.signUp(pds, "apppass");
        var created = max.post("com.atproto.server.createAppPassword", JSON.createObjectNode().put("name", "client"));
        assertEquals(200, created.status(), created.text());
        var session = pds.post("/xrpc/com.atproto.server.createSession", JSON.createObjectNode()
                .put("identifier", max.handle()).put("password", created.json().get("password").asText()).toString());
        RepoUser viaApp = max.withToken(session.json().get("accessJwt").asText());

        var r = viaApp.createRecord(POSTS, post("from an app"));
        assertEquals(200, r.status(), r.text());
    }

    @Test
    void aTakenDownRepositoryIsNeitherServedNorWritable() {
        RepoUser ned = RepoUser.signUp(pds, "takedown");
        var created = ned.post("com.atproto.repo.createRecord", ned.createBody(THINGS, thing(1)).put("rkey", "r"));
        assertEquals(200, created.status());
        pds.server().services().accounts().updateTakedown(ned.did(), Optional.of("mod-1"));

        var record = ned.getRecord(THINGS, "r");
        assertEquals("InvalidRequest", record.error());
        assertEquals("Could not locate record", record.json().get("message").asText());
        var list = ned.get("com.atproto.repo.listRecords", "repo", ned.did().toString(), "collection", THINGS);
        assertEquals("Could not find repo: " + ned.did(), list.json().get("message").asText());
        assertEquals("RepoTakendown", ned.get("com.atproto.repo.describeRepo", "repo", ned.did().toString()).error());
        assertEquals("AccountTakedown", ned.createRecord(THINGS, thing(2)).error());

        pds.server().services().accounts().updateTakedown(ned.did(), Optional.empty());
        assertEquals(200, ned.getRecord(THINGS, "r").status());
    }

    @Test
    void anUnknownRepositoryCannotBeRead() {
        RepoUser any = RepoUser.signUp(pds, "reader");
        var r = any.get("com.atproto.repo.getRecord", "repo", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "collection", THINGS, "rkey", "x");
        assertEquals(400, r.status());
        assertEquals("Could not find repo: did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", r.json().get("message").asText());
        var bad = any.get("com.atproto.repo.getRecord", "repo", any.did().toString(), "collection", THINGS, "rkey", "x",
                "cid", "notacid");
        assertEquals("InvalidRequest", bad.error());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
