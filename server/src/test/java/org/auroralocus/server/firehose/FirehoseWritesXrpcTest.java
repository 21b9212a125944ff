package org.auroralocus.server.firehose;

import static org.auroralocus.server.CommitEvents.assertOpsInvertToPrevData;
import static org.auroralocus.server.CommitEvents.car;
import static org.auroralocus.server.CommitEvents.commit;
import static org.auroralocus.server.CommitEvents.link;
import static org.auroralocus.server.CommitEvents.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check, end to end: a live subscriber sees every record write made over
 * XRPC as one {@code #commit}, in write order with gapless seq, and each event passes a relay's
 * checks using only its own blocks and the account's signing key.
 */
class FirehoseWritesXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THINGS = "com.example.thing";

    @TempDir Path dir;

    /** An op a write should produce: its action, path and the record CID the write answered with (none for a delete). */
    record ExpectedOp(String action, String path, Optional<String> cid) {}

    /** One acknowledged write: whose repository, the commit it answered with, and the ops it made. */
    record Acknowledged(Did did, String commitCid, List<ExpectedOp> ops) {}

    /** Makes a deterministic mix of 100 writes for two accounts, keeping track of which keys exist. */
    private static final class Writer {
        private final TestPds pds;
        private final Map<Did, TestAccounts.SignedUp> users = new HashMap<>();
        private final Map<Did, List<String>> existing = new HashMap<>();
        private int counter;

        Writer(TestPds pds, List<TestAccounts.SignedUp> accounts) {
            this.pds = pds;
            for (var a : accounts) {
                users.put(a.did(), a);
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
    }

    @Test
    void aHundredWritesOverXrpcAreAHundredVerifiableCommitsInOrder() {
        try (TestPds pds = TestPds.start(dir, Map.of())) {
            List<TestAccounts.SignedUp> accounts = List.of(TestAccounts.signUp(pds, "writer", "pw"),
                    TestAccounts.signUp(pds, "other", "pw"));
            Map<Did, Cid> dataRoots = new HashMap<>();
            for (var a : accounts) {
                dataRoots.put(a.did(), pds.server().services().actors()
                        .read(a.did(), r -> r.repository().orElseThrow().commit().data()));
            }
            Writer writer = new Writer(pds, accounts);
            for (var a : accounts) {
                // a few records first, so that updates and deletes have something to work on
                for (int i = 0; i < 4; i++) writer.fresh(a.did());
            }
            List<Acknowledged> acknowledged = new ArrayList<>();
            try (FirehoseClient client = FirehoseClient.connect(pds, "")) {
                Await.until(() -> pds.server().services().liveFirehose().subscribers() == 1, "the live subscriber");
                // the seeds go through the firehose too: 8 creates, then 92 mixed writes make the hundred
                for (var a : accounts) {
                    for (String rkey : List.copyOf(writer.existing.get(a.did()))) {
                        JsonNode answer = writer.call(a.did(), "com.atproto.repo.createRecord",
                                (ObjectNode) writer.target(a.did(), rkey).set("record", writer.record()));
                        acknowledged.add(new Acknowledged(a.did(), answer.at("/commit/cid").asText(),
                                List.of(new ExpectedOp("create", THINGS + "/" + rkey, Optional.of(answer.get("cid").asText())))));
                    }
                }
                for (int i = 0; acknowledged.size() < 100; i++) {
                    acknowledged.add(writer.write(accounts.get(i % 2).did(), (i / 2) % 10));
                }

                List<FirehoseClient.Received> commits = new ArrayList<>();
                long lastSeq = -1;
                while (commits.size() < 100) {
                    FirehoseClient.Received frame = client.next();
                    assertEquals(1, frame.op(), "an event, not an error: " + frame.body());
                    if (lastSeq >= 0) assertEquals(lastSeq + 1, frame.seq(), "seq is gapless");
                    lastSeq = frame.seq();
                    if (frame.type().equals("#commit")) commits.add(frame);
                }

                for (int i = 0; i < 100; i++) {
                    Acknowledged write = acknowledged.get(i);
                    DataValue.MapValue body = commits.get(i).body();
                    String where = "write " + i + " " + write;
                    assertEquals(write.did().toString(), body.text("repo").orElseThrow(), where);
                    assertEquals(DataValue.of(Cid.parse(write.commitCid())), body.get("commit").orElseThrow(), where);
                    CarContents car = car(body);
                    Commit commit = commit(car, body);
                    assertTrue(commit.verify(pds.server().services().actors().signingKey(write.did()).publicKey()),
                            where + ": the commit verifies against the account's key");
                    assertEquals(write.did(), commit.did());
                    assertEquals(body.text("rev").orElseThrow(), commit.rev().toString(), where);

                    List<DataValue.MapValue> ops = ops(body);
                    assertEquals(write.ops().size(), ops.size(), where);
                    Mst tree = Mst.load(car.blocks(), commit.data());
                    for (int o = 0; o < ops.size(); o++) {
                        ExpectedOp expected = write.ops().get(o);
                        DataValue.MapValue op = ops.get(o);
                        assertEquals(expected.action(), op.text("action").orElseThrow(), where);
                        assertEquals(expected.path(), op.text("path").orElseThrow(), where);
                        assertEquals(expected.cid().map(Cid::parse), link(op, "cid"), where);
                        if (expected.cid().isPresent()) {
                            Cid cid = Cid.parse(expected.cid().get());
                            assertTrue(car.blocks().contains(cid), where + ": the record block is in blocks");
                            assertEquals(cid, Cid.ofDagCbor(car.blocks().get(cid).orElseThrow()), where + ": the block matches its CID");
                            assertEquals(Optional.of(cid), tree.get(expected.path()), where + ": the new tree has it");
                        } else {
                            assertEquals(Optional.empty(), tree.get(expected.path()), where + ": the new tree lost it");
                        }
                        if (!expected.action().equals("create")) assertTrue(link(op, "prev").isPresent(), where + ": prev");
                    }
                    assertEquals(DataValue.of(dataRoots.get(write.did())), body.get("prevData").orElseThrow(),
                            where + ": prevData is the previous commit's data root");
                    assertOpsInvertToPrevData(car, commit, body);
                    dataRoots.put(write.did(), commit.data());
                }
                assertEquals(List.of(), client.drain().stream().filter(f -> f.type().equals("#commit")).toList(),
                        "no commit beyond the hundred writes");
            }
        }
    }
}
