package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.RecordWrite;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.TidClock;
import org.auroralocus.server.Services;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash between a repository commit and its event, and the #sync that start-up sends for it. */
class StartupRepairXrpcTest {
    @TempDir Path dir;

    /** What a write does before it sequences its event: the process "dies" right after this. */
    private static CommitResult commitWithoutEvent(Services services, Did did) {
        KeyPair key = services.actors().signingKey(did);
        return services.actors().transact(did, tx -> {
            var repo = tx.repository().orElseThrow();
            CommitResult result = repo.applyWrites(List.of(new RecordWrite.Create(RecordPath.of("app.bsky.feed.post", "crash"),
                    DataValue.map("$type", DataValue.of("app.bsky.feed.post"), "text", DataValue.of("written, never announced")))),
                    key, new TidClock(Clock.systemUTC(), 7).next());
            tx.storeCommit(result, Instant.now());
            return result;
        });
    }

    @Test
    void aRepositoryAheadOfTheFirehoseGetsASyncBeforeTheServerAnswers() throws Exception {
        Did did;
        CommitResult lost;
        long head;
        try (TestPds pds = TestPds.start(dir, Map.of())) {
            did = TestAccounts.signUp(pds, "crash", "pw").did();
            TestAccounts.signUp(pds, "bystander", "pw");
            lost = commitWithoutEvent(pds.server().services(), did);
            head = pds.server().services().sequencer().head();
        }

        try (TestPds restarted = TestPds.start(dir, Map.of())) {
            // start() has returned, so the repair ran before the server took its first request
            List<SequencedEvent> repair = restarted.server().services().sequencer().events(head, 10);
            assertEquals(1, repair.size(), "one #sync, for the repository that was ahead only");
            SequencedEvent sync = repair.getFirst();
            assertEquals("#sync", sync.type());
            assertEquals(did, sync.did());
            assertEquals(head + 1, sync.seq(), "seq stays gapless");
            assertEquals(lost.commit().rev().toString(), sync.body().text("rev").orElseThrow());
            byte[] car = ((DataValue.BytesValue) sync.body().get("blocks").orElseThrow()).value();
            CarContents contents = CarReader.readAll(new ByteArrayInputStream(car));
            assertEquals(List.of(lost.cid()), contents.roots());
            Commit commit = Commit.parse(contents.blocks().require(lost.cid()));
            assertTrue(commit.verify(restarted.server().services().actors().signingKey(did).publicKey()));

            try (FirehoseClient relay = FirehoseClient.connect(restarted, "?cursor=" + head)) {
                var frame = relay.next();
                assertEquals("#sync", frame.type());
                assertEquals(head + 1, frame.seq());
            }
        }

        try (TestPds again = TestPds.start(dir, Map.of())) {
            assertEquals(head + 1, again.server().services().sequencer().head(), "a clean restart repairs nothing");
        }
    }
}
