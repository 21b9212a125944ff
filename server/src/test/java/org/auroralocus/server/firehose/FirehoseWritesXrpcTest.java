package org.auroralocus.server.firehose;

import static org.auroralocus.server.CommitEvents.assertOpsInvertToPrevData;
import static org.auroralocus.server.CommitEvents.car;
import static org.auroralocus.server.CommitEvents.commit;
import static org.auroralocus.server.CommitEvents.link;
import static org.auroralocus.server.CommitEvents.ops;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @TempDir Path dir;

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
            try (FirehoseClient client = FirehoseClient.connect(pds, "")) {
                Await.until(() -> pds.server().services().liveFirehose().subscribers() == 1, "the live subscriber");
                List<MixedWrites.Acknowledged> acknowledged = new MixedWrites(pds, accounts).make(100);

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
                    MixedWrites.Acknowledged write = acknowledged.get(i);
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
                        MixedWrites.ExpectedOp expected = write.ops().get(o);
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
