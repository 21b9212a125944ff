package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;

/**
 * A deterministic mix of record writes over XRPC for some accounts (createRecord, putRecord that
 * creates and that updates, deleteRecord, applyWrites batches of a create, an update and a delete),
 * each one a commit, with what the firehose should say about it.
 */
final class MixedWrites {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String THINGS = "com.example.thing";
    private static final int SEEDS = 4;

    /** An op a write should produce: its action, path and the record CID the write answered with (none for a delete). */
    record ExpectedOp(String action, String path, Optional<String> cid) {}

    /** One acknowledged write: whose repository, the commit it answered with, and the ops it made. */
    record Acknowledged(Did did, String commitCid, List<ExpectedOp> ops) {}

    private final TestPds pds;
    private final Map<Did, TestAccounts.SignedUp> users = new HashMap<>();
    private final Map<Did, List<String>> existing = new HashMap<>();
    private final List<Did> order = new ArrayList<>();
    private int counter;

    /** Keeps track of which keys exist in each account's repository. */
    MixedWrites(TestPds pds, List<TestAccounts.SignedUp> accounts) {
        this.pds = pds;
        for (var a : accounts) {
            users.put(a.did(), a);
            order.add(a.did());
            existing.put(a.did(), new ArrayList<>());
        }
    }

    private ObjectNode record() {
        return JSON.createObjectNode().put("$type", THINGS).put("text", "thing " + ++counter)
                .put("createdAt", "2026-11-28T12:00:00.000Z");
    }

    private JsonNode call(Did did, String nsid, ObjectNode body) {
        var r = pds.post("/xrpc/" + nsid, body.toString(), users.get(did).auth());
        assertEquals(200, r.status(), nsid + ": " + r.text());
        return r.json();
    }

    private ObjectNode target(Did did, String rkey) {
        return JSON.createObjectNode().put("repo", did.toString()).put("collection", THINGS).put("rkey", rkey);
    }

    private String fresh(Did did) {
        String rkey = "k" + ++counter;
        existing.get(did).add(rkey);
        return rkey;
    }

    /** The oldest key still present, removed from the list when {@code removing}. */
    private String old(Did did, boolean removing) {
        List<String> keys = existing.get(did);
        return removing ? keys.removeFirst() : keys.get(keys.size() / 2);
    }

    Acknowledged write(Did did, int kind) {
        JsonNode answer;
        List<ExpectedOp> ops = new ArrayList<>();
        switch (kind) {
            case 0, 1, 2, 3 -> {
                String rkey = fresh(did);
                answer = call(did, "com.atproto.repo.createRecord", (ObjectNode) target(did, rkey).set("record", record()));
                ops.add(new ExpectedOp("create", THINGS + "/" + rkey, Optional.of(answer.get("cid").asText())));
            }
            case 4 -> {
                // putRecord on a new key creates it
                String rkey = fresh(did);
                answer = call(did, "com.atproto.repo.putRecord", (ObjectNode) target(did, rkey).set("record", record()));
                ops.add(new ExpectedOp("create", THINGS + "/" + rkey, Optional.of(answer.get("cid").asText())));
            }
            case 5, 6 -> {
                String rkey = old(did, false);
                answer = call(did, "com.atproto.repo.putRecord", (ObjectNode) target(did, rkey).set("record", record()));
                ops.add(new ExpectedOp("update", THINGS + "/" + rkey, Optional.of(answer.get("cid").asText())));
            }
            case 7 -> {
                String rkey = old(did, true);
                answer = call(did, "com.atproto.repo.deleteRecord", target(did, rkey));
                ops.add(new ExpectedOp("delete", THINGS + "/" + rkey, Optional.empty()));
            }
            default -> {
                String created = fresh(did);
                String updated = old(did, false);
                String deleted = old(did, true);
                ObjectNode request = JSON.createObjectNode().put("repo", did.toString());
                ArrayNode writes = request.putArray("writes");
                writes.addObject().put("$type", "com.atproto.repo.applyWrites#create").put("collection", THINGS)
                        .put("rkey", created).set("value", record());
                writes.addObject().put("$type", "com.atproto.repo.applyWrites#update").put("collection", THINGS)
                        .put("rkey", updated).set("value", record());
                writes.addObject().put("$type", "com.atproto.repo.applyWrites#delete").put("collection", THINGS)
                        .put("rkey", deleted);
                answer = call(did, "com.atproto.repo.applyWrites", request);
                JsonNode results = answer.get("results");
                ops.add(new ExpectedOp("create", THINGS + "/" + created, Optional.of(results.at("/0/cid").asText())));
                ops.add(new ExpectedOp("update", THINGS + "/" + updated, Optional.of(results.at("/1/cid").asText())));
                ops.add(new ExpectedOp("delete", THINGS + "/" + deleted, Optional.empty()));
            }
        }
        String commit = answer.at("/commit/cid").asText();
        assertTrue(!commit.isEmpty(), "every write here changes the repository: " + answer);
        return new Acknowledged(did, commit, ops);
    }

    /**
     * Makes {@code count} writes, round robin over the accounts: first {@value #SEEDS} creates each,
     * so that updates and deletes have something to work on, then the mix.
     */
    List<Acknowledged> make(int count) {
        List<Acknowledged> acknowledged = new ArrayList<>();
        for (Did did : order) {
            for (int i = 0; i < SEEDS && acknowledged.size() < count; i++) acknowledged.add(write(did, 0));
        }
        for (int i = 0; acknowledged.size() < count; i++) acknowledged.add(write(order.get(i % order.size()), (i / order.size()) % 10));
        return acknowledged;
    }
}
