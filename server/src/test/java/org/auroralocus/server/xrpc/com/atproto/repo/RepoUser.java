package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.db.SeqTable;

/** An account signed up over HTTP (createAccount), and the repository calls the tests make as it. */
record RepoUser(TestPds pds, Did did, String handle, String accessJwt) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger();
    static final String PASSWORD = "correct horse battery";

    static RepoUser signUp(TestPds pds, String prefix) {
        String handle = prefix + NEXT.incrementAndGet() + ".test";
        ObjectNode body = JSON.createObjectNode().put("handle", handle).put("email", handle.replace(".test", "@example.com"))
                .put("password", PASSWORD);
        var r = pds.post("/xrpc/com.atproto.server.createAccount", body.toString());
        assertEquals(200, r.status(), r.text());
        return new RepoUser(pds, Did.parse(r.json().get("did").asText()), handle, r.json().get("accessJwt").asText());
    }

    static RepoUser signUp(PdsExtension pds, String prefix) {
        return signUp(pds.running(), prefix);
    }

    /** The repository's current revision, read from its store. */
    Tid rev() {
        return pds.server().services().actors().read(did, r -> r.root()).orElseThrow().rev();
    }

    /** Every firehose event after {@code seq}, all accounts'. */
    static List<SeqTable.Row> eventsSince(TestPds pds, long seq) {
        return pds.server().services().sequencer().after(seq, 100_000);
    }

    /** The last {@code seq} given out, so a test can see which events its next call makes. */
    static long lastSeq(TestPds pds) {
        List<SeqTable.Row> all = eventsSince(pds, 0);
        return all.isEmpty() ? 0 : all.getLast().seq();
    }

    String[] auth() {
        return new String[] {"Authorization", "Bearer " + accessJwt};
    }

    /** The same account with another access token (an app password's, say). */
    RepoUser withToken(String token) {
        return new RepoUser(pds, did, handle, token);
    }

    TestPds.Response post(String nsid, JsonNode body) {
        return pds.post("/xrpc/" + nsid, body.toString(), auth());
    }

    /** A query; {@code params} alternate names and values, encoded here. */
    TestPds.Response get(String nsid, String... params) {
        return pds.query(nsid, params);
    }

    /** Every record of every collection describeRepo names, path to CID, through listRecords' pages of {@code pageSize}. */
    Map<String, String> listed(int pageSize) {
        Map<String, String> records = new TreeMap<>();
        for (JsonNode collection : get("com.atproto.repo.describeRepo", "repo", did.toString()).json().get("collections")) {
            records.putAll(pds.listedRecords(did.toString(), collection.asText(), pageSize));
        }
        return records;
    }

    /** A createRecord body for this repository. */
    ObjectNode createBody(String collection, JsonNode record) {
        ObjectNode body = JSON.createObjectNode().put("repo", did.toString()).put("collection", collection);
        body.set("record", record);
        return body;
    }

    TestPds.Response createRecord(String collection, JsonNode record) {
        return post("com.atproto.repo.createRecord", createBody(collection, record));
    }

    TestPds.Response getRecord(String collection, String rkey) {
        return get("com.atproto.repo.getRecord", "repo", did.toString(), "collection", collection, "rkey", rkey);
    }

    static ObjectNode post(String text) {
        return JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text)
                .put("createdAt", "2026-11-28T12:00:00.000Z");
    }

    static ObjectNode thing(int n) {
        return JSON.createObjectNode().put("n", n).put("note", "thing " + n);
    }
}
