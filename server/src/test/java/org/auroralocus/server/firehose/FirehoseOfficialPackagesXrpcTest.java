package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.mst.MstChange;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.RecordWrite;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.Services;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.RepoEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firehose read by an independent implementation: Node 22's WebSocket and the official
 * {@code @atproto/lex-cbor} and {@code @atproto/repo} packages (shared/src/test/node/firehose-interop.mjs).
 */
class FirehoseOfficialPackagesXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TidClock revs = new TidClock(Clock.systemUTC(), 11);

    @TempDir Path dir;

    /**
     * A record write as the write path will make it (until it exists): commit to the actor store, then
     * sequence a #commit whose blocks are the whole repository (a superset of what the event must carry).
     */
    private long commit(Services services, Did did, List<RecordWrite> writes) {
        KeyPair key = services.actors().signingKey(did);
        record Written(CommitResult result, byte[] car) {}
        Written written = services.actors().transact(did, tx -> {
            CommitResult result = tx.repository().orElseThrow().applyWrites(writes, key, revs.next());
            tx.storeCommit(result, Instant.now());
            ByteArrayOutputStream car = new ByteArrayOutputStream();
            try {
                result.repository().writeCar(car);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Written(result, car.toByteArray());
        });
        CommitResult r = written.result();
        List<RepoEvent.RepoOp> ops = r.changes().stream().map(change -> switch (change) {
            case MstChange.Create c -> new RepoEvent.RepoOp("create", c.key(), Optional.of(c.cid()), Optional.empty());
            case MstChange.Update u -> new RepoEvent.RepoOp("update", u.key(), Optional.of(u.cid()), Optional.of(u.previous()));
            case MstChange.Delete d -> new RepoEvent.RepoOp("delete", d.key(), Optional.empty(), Optional.of(d.previous()));
        }).toList();
        return services.sequencer().append(new RepoEvent.CommitEvent(did, r.cid(), r.commit().rev(), r.since(), written.car(),
                ops, List.of(), r.prevData()));
    }

    private static RecordWrite post(String rkey, String text) {
        return new RecordWrite.Create(RecordPath.of("app.bsky.feed.post", rkey), DataValue.map(
                "$type", DataValue.of("app.bsky.feed.post"), "text", DataValue.of(text),
                "createdAt", DataValue.of("2026-01-01T00:00:00.000Z")));
    }

    @Test
    void theOfficialPackagesVerifyEveryFrameOfTheStream() throws Exception {
        OfficialPackages node = OfficialPackages.locate("firehose-interop.mjs", "@atproto/repo");
        try (TestPds pds = TestPds.start(dir, Map.of())) {
            Services services = pds.server().services();
            Did alice = TestAccounts.signUp(pds, "alice", "pw").did();
            Did bob = TestAccounts.signUp(pds, "bob", "pw").did();
            commit(services, alice, List.of(post("a1", "one"), post("a2", "two"), post("a3", "three")));
            commit(services, alice, List.of(
                    new RecordWrite.Update(RecordPath.of("app.bsky.feed.post", "a1"), DataValue.map("text", DataValue.of("one, edited"))),
                    new RecordWrite.Delete(RecordPath.of("app.bsky.feed.post", "a2")),
                    post("a4", "four")));
            long head = commit(services, bob, List.of(post("b1", "hello")));

            Path keys = Files.writeString(dir.resolve("keys.json"), JSON.writeValueAsString(Map.of(
                    alice.toString(), services.actors().signingKey(alice).publicKey().didKey(),
                    bob.toString(), services.actors().signingKey(bob).publicKey().didKey())));
            JsonNode verdict = node.run("firehose", String.valueOf(pds.server().port()), String.valueOf(head), keys.toString());

            assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
            assertEquals(1, verdict.get("firstSeq").asLong());
            assertEquals(head, verdict.get("lastSeq").asLong());
            assertEquals(JSON.readTree("{\"#identity\":2,\"#account\":2,\"#commit\":5,\"#sync\":2}"), verdict.get("types"));
            assertEquals(5, verdict.get("commitsVerified").asInt(), "each commit signature checked against the account's key");
            assertEquals(2, verdict.get("syncsVerified").asInt());
            assertEquals(7, verdict.get("opsChecked").asInt());
            assertEquals(3, verdict.get("prevDataChecked").asInt());
            assertEquals(3, verdict.get("inversionsChecked").asInt());
        }
    }

    @Test
    void theOfficialPackagesVerifyAStreamOfRecordWritesMadeOverXrpc() throws Exception {
        OfficialPackages node = OfficialPackages.locate("firehose-interop.mjs", "@atproto/repo");
        try (TestPds pds = TestPds.start(dir, Map.of())) {
            Services services = pds.server().services();
            List<TestAccounts.SignedUp> accounts = List.of(TestAccounts.signUp(pds, "carol", "pw"), TestAccounts.signUp(pds, "dan", "pw"));
            List<MixedWrites.Acknowledged> writes = new MixedWrites(pds, accounts).make(40);
            long head = services.sequencer().after(0, 100_000).getLast().seq();

            Map<String, String> keys = new java.util.HashMap<>();
            for (var a : accounts) keys.put(a.did().toString(), services.actors().signingKey(a.did()).publicKey().didKey());
            Path keyFile = Files.writeString(dir.resolve("keys.json"), JSON.writeValueAsString(keys));
            JsonNode verdict = node.run("firehose", String.valueOf(pds.server().port()), String.valueOf(head), keyFile.toString());

            assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
            assertEquals(head, verdict.get("lastSeq").asLong());
            assertEquals(JSON.readTree("{\"#identity\":2,\"#account\":2,\"#commit\":42,\"#sync\":2}"), verdict.get("types"));
            assertEquals(42, verdict.get("commitsVerified").asInt(), "two empty repositories, then every write");
            assertEquals(writes.stream().mapToInt(w -> w.ops().size()).sum(), verdict.get("opsChecked").asInt());
            assertEquals(40, verdict.get("prevDataChecked").asInt());
            assertEquals(40, verdict.get("inversionsChecked").asInt(), "every write's ops undone from its own blocks");
        }
    }
}
