package org.auroralocus.server.xrpc.com.atproto.repo;

import static org.auroralocus.server.CommitEvents.assertOpsInvertToPrevData;
import static org.auroralocus.server.CommitEvents.car;
import static org.auroralocus.server.CommitEvents.commit;
import static org.auroralocus.server.CommitEvents.ops;
import static org.auroralocus.server.xrpc.com.atproto.repo.RepoUser.JSON;
import static org.auroralocus.server.xrpc.com.atproto.repo.RepoUser.thing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every record write is one {@code #commit} on the firehose, as a relay checks it (sync v1.1): the
 * ops say what changed, the CAR slice holds the signed commit and the new records, and its MST
 * blocks alone are enough to see each op in the new tree and to invert the ops back to
 * {@code prevData}.
 */
class RecordEventsXrpcTest {
    private static final String THINGS = "com.example.thing";

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    private static long lastSeq() {
        return RepoUser.lastSeq(pds.running());
    }

    /** The one event the write after {@code seq} produced, checked to be a #commit of that write's commit. */
    private static DataValue.MapValue onlyCommitSince(long seq, RepoUser user, JsonNode answer) {
        List<SeqTable.Row> events = pds.server().services().sequencer().after(seq, 100);
        assertEquals(1, events.size(), "one write, one event");
        assertEquals("#commit", events.getFirst().type());
        assertEquals(user.did().toString(), events.getFirst().did());
        DataValue.MapValue body = (DataValue.MapValue) DagCbor.decode(events.getFirst().body());
        assertEquals(DataValue.of(Cid.parse(answer.at("/commit/cid").asText())), body.get("commit").orElseThrow());
        assertEquals(answer.at("/commit/rev").asText(), body.text("rev").orElseThrow());
        return body;
    }

    private static DataValue.MapValue op(String action, String path, Optional<String> cid, Optional<Cid> prev) {
        DataValue.MapValue op = DataValue.map("action", DataValue.of(action), "path", DataValue.of(path),
                "cid", cid.map(c -> DataValue.of(Cid.parse(c))).orElse(DataValue.ofNull()));
        return prev.isPresent() ? op.with("prev", DataValue.of(prev.get())) : op;
    }

    @Test
    void createUpdateAndDeleteAreEachOneCommitWithTheirOps() {
        RepoUser ann = RepoUser.signUp(pds, "events");
        for (int i = 0; i < 20; i++) assertEquals(200, ann.createRecord(THINGS, thing(i)).status(), "a tree with some depth");
        String path = THINGS + "/mine";

        long seq = lastSeq();
        var created = ann.post("com.atproto.repo.createRecord", ann.createBody(THINGS, thing(100)).put("rkey", "mine"));
        DataValue.MapValue body = onlyCommitSince(seq, ann, created.json());
        String cid = created.json().get("cid").asText();
        assertEquals(List.of(op("create", path, Optional.of(cid), Optional.empty())), ops(body));
        CarContents car = car(body);
        Commit commit = commit(car, body);
        assertTrue(car.blocks().contains(Cid.parse(cid)), "the CAR holds the new record");
        assertEquals(Optional.of(Cid.parse(cid)), Mst.load(car.blocks(), commit.data()).get(path), "the record is in the new tree");
        assertOpsInvertToPrevData(car, commit, body);
        assertEquals(DataValue.list(List.of()), body.get("blobs").orElseThrow());

        seq = lastSeq();
        var updated = ann.post("com.atproto.repo.putRecord", ann.createBody(THINGS, thing(101)).put("rkey", "mine"));
        body = onlyCommitSince(seq, ann, updated.json());
        assertEquals(DataValue.of(commit.rev().toString()), body.get("since").orElseThrow(), "since is the previous revision");
        assertEquals(DataValue.of(commit.data()), body.get("prevData").orElseThrow(), "prevData is the previous tree");
        assertEquals(List.of(op("update", path, Optional.of(updated.json().get("cid").asText()), Optional.of(Cid.parse(cid)))),
                ops(body));
        car = car(body);
        commit = commit(car, body);
        assertTrue(car.blocks().contains(Cid.parse(updated.json().get("cid").asText())));
        assertOpsInvertToPrevData(car, commit, body);

        seq = lastSeq();
        ObjectNode delete = JSON.createObjectNode().put("repo", ann.did().toString()).put("collection", THINGS).put("rkey", "mine");
        var deleted = ann.post("com.atproto.repo.deleteRecord", delete);
        body = onlyCommitSince(seq, ann, deleted.json());
        assertEquals(List.of(op("delete", path, Optional.empty(), Optional.of(Cid.parse(updated.json().get("cid").asText())))),
                ops(body));
        car = car(body);
        commit = commit(car, body);
        assertEquals(Optional.empty(), Mst.load(car.blocks(), commit.data()).get(path), "the proof shows the record gone");
        assertOpsInvertToPrevData(car, commit, body);
    }

    @Test
    void aBatchIsOneCommitWithItsOpsInOrder() {
        RepoUser ben = RepoUser.signUp(pds, "batchevents");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, ben.post("com.atproto.repo.createRecord", ben.createBody(THINGS, thing(i)).put("rkey", "r" + i)).status());
        }
        String oldCid = ben.getRecord(THINGS, "r3").json().get("cid").asText();
        String deletedCid = ben.getRecord(THINGS, "r5").json().get("cid").asText();
        ObjectNode request = JSON.createObjectNode().put("repo", ben.did().toString());
        ArrayNode writes = request.putArray("writes");
        writes.addObject().put("$type", ApplyWrites.CREATE).put("collection", THINGS).put("rkey", "new").set("value", thing(50));
        writes.addObject().put("$type", ApplyWrites.UPDATE).put("collection", THINGS).put("rkey", "r3").set("value", thing(51));
        writes.addObject().put("$type", ApplyWrites.DELETE).put("collection", THINGS).put("rkey", "r5");

        long seq = lastSeq();
        var applied = ben.post("com.atproto.repo.applyWrites", request);
        assertEquals(200, applied.status(), applied.text());
        DataValue.MapValue body = onlyCommitSince(seq, ben, applied.json());
        JsonNode results = applied.json().get("results");
        assertEquals(List.of(
                op("create", THINGS + "/new", Optional.of(results.at("/0/cid").asText()), Optional.empty()),
                op("update", THINGS + "/r3", Optional.of(results.at("/1/cid").asText()), Optional.of(Cid.parse(oldCid))),
                op("delete", THINGS + "/r5", Optional.empty(), Optional.of(Cid.parse(deletedCid)))), ops(body));
        CarContents car = car(body);
        assertOpsInvertToPrevData(car, commit(car, body), body);
    }

    @Test
    void aWriteThatChangesNothingIsNotSequenced() {
        RepoUser cy = RepoUser.signUp(pds, "noop");
        ObjectNode put = cy.createBody(THINGS, thing(1)).put("rkey", "same");
        assertEquals(200, cy.post("com.atproto.repo.putRecord", put).status());
        long seq = lastSeq();
        var again = cy.post("com.atproto.repo.putRecord", put);
        assertEquals(200, again.status());
        assertFalse(again.json().has("commit"));
        ObjectNode delete = JSON.createObjectNode().put("repo", cy.did().toString()).put("collection", THINGS).put("rkey", "never");
        assertEquals(200, cy.post("com.atproto.repo.deleteRecord", delete).status());
        assertEquals(List.of(), pds.server().services().sequencer().after(seq, 100));
    }

    @Test
    void concurrentWritesToOneRepositoryAreSequencedInCommitOrder() throws Exception {
        RepoUser dot = RepoUser.signUp(pds, "concurrent");
        long seq = lastSeq();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        statuses.add(dot.createRecord(THINGS, thing(client * 100 + i)).status());
                        // every client also tries one key that only the first to get there may take
                        if (i == 10) {
                            statuses.add(dot.post("com.atproto.repo.createRecord", dot.createBody(THINGS, thing(client)).put("rkey", "dup"))
                                    .status());
                        }
                    }
                    return null;
                }));
            }
            for (var client : clients) client.get();
        }
        assertEquals(8 * 20 + 1, statuses.stream().filter(s -> s == 200).count(), "one client got the shared key");
        assertEquals(7, statuses.stream().filter(s -> s == 400).count());

        List<SeqTable.Row> events = pds.server().services().sequencer().after(seq, 1000).stream()
                .filter(e -> e.did().equals(dot.did().toString())).toList();
        assertEquals(8 * 20 + 1, events.size(), "every commit sequenced once");
        Commit previous = null;
        for (SeqTable.Row event : events) {
            DataValue.MapValue body = (DataValue.MapValue) DagCbor.decode(event.body());
            Commit commit = commit(car(body), body);
            if (previous != null) {
                assertEquals(DataValue.of(previous.rev().toString()), body.get("since").orElseThrow(), "since is the event before's rev");
                assertEquals(DataValue.of(previous.data()), body.get("prevData").orElseThrow(), "prevData is the tree before");
                assertTrue(commit.rev().compareTo(previous.rev()) > 0);
            }
            previous = commit;
        }
    }
}
