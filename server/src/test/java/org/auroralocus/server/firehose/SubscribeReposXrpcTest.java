package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.firehose.FirehoseClient.Received;
import org.auroralocus.server.sequencer.RepoEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * com.atproto.sync.subscribeRepos as a relay sees it: real WebSocket connections to a real server.
 * The timeout turns a writer blocked by a slow subscriber into a failure rather than a hung build.
 */
@Timeout(120)
class SubscribeReposXrpcTest {
    /** {t: "#commit", op: 1} in canonical DAG-CBOR, as REFERENCE-BEHAVIOUR.md gives it. */
    private static final byte[] COMMIT_HEADER = HexFormat.of().parseHex("a261746723636f6d6d6974626f7001");
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TempDir Path dir;
    TestPds pds;

    @BeforeEach
    void start() {
        pds = TestPds.start(dir, Map.of());
    }

    @AfterEach
    void stop() {
        pds.close();
    }

    private void awaitLive(int subscribers) {
        Await.until(() -> pds.server().services().liveFirehose().subscribers() == subscribers,
                subscribers + " live subscribers");
    }

    private static void assertGapless(List<Received> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(frames.get(i - 1).seq() + 1, frames.get(i).seq(), "seq after " + frames.get(i - 1).seq());
        }
    }

    private static void assertSameBytes(List<Received> expected, List<Received> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).bytes(), actual.get(i).bytes(), "frame seq " + expected.get(i).seq());
        }
    }

    @Test
    void aLiveSubscriberReceivesTheFourSignUpEventsInOrder() throws Exception {
        try (FirehoseClient client = FirehoseClient.connect(pds, "")) {
            awaitLive(1);
            var account = TestAccounts.signUp(pds, "live", "correct horse");
            List<Received> frames = client.next(4);

            assertEquals(List.of("#identity", "#account", "#commit", "#sync"), frames.stream().map(Received::type).toList());
            assertGapless(frames);
            for (Received f : frames) {
                assertEquals(1, f.op());
                assertTrue(f.text("time").matches(TIME), f.text("time"));
            }
            Received identity = frames.get(0);
            assertEquals(account.did().toString(), identity.text("did"));
            assertEquals(account.handle(), identity.text("handle"));
            assertEquals(DataValue.of(true), frames.get(1).body().get("active").orElseThrow());

            Received commit = frames.get(2);
            assertArrayEquals(COMMIT_HEADER, Arrays.copyOf(commit.bytes(), commit.headerLength()), "header bytes");
            assertEquals(Set.of("ops", "rev", "seq", "repo", "time", "blobs", "since", "blocks", "commit", "rebase", "tooBig"),
                    commit.body().entries().keySet(), "no prevData on the first commit");
            assertEquals(account.did().toString(), commit.text("repo"));
            assertEquals(DataValue.ofNull(), commit.body().get("since").orElseThrow());
            assertEquals(DataValue.list(List.of()), commit.body().get("ops").orElseThrow());
            assertEquals(DataValue.of(false), commit.body().get("rebase").orElseThrow());
            assertEquals(DataValue.of(false), commit.body().get("tooBig").orElseThrow());
            byte[] car = ((DataValue.BytesValue) commit.body().get("blocks").orElseThrow()).value();
            CarContents contents = CarReader.readAll(new ByteArrayInputStream(car));
            assertEquals(commit.body().get("commit").orElseThrow(), DataValue.of(contents.roots().getFirst()));
            Commit signed = Commit.parse(contents.blocks().require(contents.roots().getFirst()));
            assertTrue(signed.verify(pds.server().services().actors().signingKey(account.did()).publicKey()));
            assertEquals(signed.rev().toString(), commit.text("rev"));

            Received sync = frames.get(3);
            assertEquals(Set.of("did", "rev", "seq", "time", "blocks"), sync.body().entries().keySet());
            assertEquals(commit.text("rev"), sync.text("rev"));
        }
    }

    @Test
    void aCursorInTheMiddleReplaysExactlyTheMissedEventsThenLiveOnes() {
        try (FirehoseClient live = FirehoseClient.connect(pds, "")) {
            awaitLive(1);
            for (int i = 0; i < 3; i++) TestAccounts.signUp(pds, "replay", "pw");
            List<Received> seen = live.next(12);
            assertGapless(seen);

            try (FirehoseClient late = FirehoseClient.connect(pds, "?cursor=" + seen.get(4).seq())) {
                assertSameBytes(seen.subList(5, 12), late.next(7));
                awaitLive(2);
                TestAccounts.signUp(pds, "replay", "pw");
                List<Received> more = live.next(4);
                assertSameBytes(more, late.next(4));
                assertEquals(seen.getLast().seq() + 1, more.getFirst().seq(), "no gap at the hand-over");
                assertTrue(late.drain().isEmpty(), "no duplicates");
            }
        }
    }

    @Test
    void theHandOverFromReplayToLiveHasNoGapAndNoDuplicateWhileWritesGoOn() throws Exception {
        var sequencer = pds.server().services().sequencer();
        var did = TestAccounts.randomPlcDid();
        var handle = Optional.of(Handle.parse("busy.test"));
        for (int i = 0; i < 1200; i++) sequencer.append(new RepoEvent.IdentityEvent(did, handle));
        try (ExecutorService writer = Executors.newSingleThreadExecutor()) {
            Future<?> writes = writer.submit(() -> {
                for (int i = 0; i < 400; i++) sequencer.append(new RepoEvent.IdentityEvent(did, handle));
            });
            try (FirehoseClient client = FirehoseClient.connect(pds, "?cursor=0")) {
                writes.get();
                List<Received> frames = client.next(1600);
                assertEquals(1, frames.getFirst().seq());
                assertGapless(frames);
                sequencer.append(new RepoEvent.IdentityEvent(did, handle));
                assertEquals(1601, client.next().seq(), "live after the replay, nothing repeated");
            }
        }
    }

    @Test
    void aCursorAheadOfTheLogGetsFutureCursorAndClose1008() {
        TestAccounts.signUp(pds, "future", "pw");
        try (FirehoseClient atHead = FirehoseClient.connect(pds, "?cursor=4")) {
            awaitLive(1);
            assertFalse(atHead.isClosed(), "a cursor at the head is fine");
        }
        try (FirehoseClient ahead = FirehoseClient.connect(pds, "?cursor=5")) {
            Received error = ahead.next();
            assertEquals(-1, error.op());
            assertEquals(Map.of("error", DataValue.of("FutureCursor"), "message", DataValue.of("Cursor in the future.")),
                    error.body().entries());
            assertEquals(new FirehoseClient.Closed(1008, "FutureCursor"), ahead.closed());
        }
    }

    @Test
    void aCursorThatIsNotANumberGetsInvalidRequestAndClose1008() {
        try (FirehoseClient client = FirehoseClient.connect(pds, "?cursor=abc")) {
            Received error = client.next();
            assertEquals(-1, error.op());
            assertEquals("InvalidRequest", error.text("error"));
            assertEquals(new FirehoseClient.Closed(1008, "InvalidRequest"), client.closed());
        }
    }

    @Test
    void aPlainGetIsNotAWebSocketAndGetsInvalidRequest() {
        var r = pds.get(SubscribeRepos.PATH);
        assertEquals(400, r.status());
        assertEquals("InvalidRequest", r.error());
        assertEquals("No service configured for com.atproto.sync.subscribeRepos", r.json().get("message").asText());
    }

    @Test
    void aHundredSubscribersEachReceiveEveryEventWhileAccountsAreCreated() throws Exception {
        int accounts = 8;
        List<FirehoseClient> clients = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try (ExecutorService signUps = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 100; i++) clients.add(FirehoseClient.connect(http, pds, ""));
            awaitLive(100);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < accounts; i++) done.add(signUps.submit(() -> TestAccounts.signUp(pds, "crowd", "pw")));
            for (Future<?> f : done) f.get();

            List<Received> first = clients.getFirst().next(accounts * 4);
            assertEquals(1, first.getFirst().seq());
            assertGapless(first);
            for (FirehoseClient c : clients) {
                if (c != clients.getFirst()) assertSameBytes(first, c.next(accounts * 4));
            }
        } finally {
            clients.forEach(FirehoseClient::close);
            http.shutdownNow();
        }
    }

    @Test
    void aStalledSubscriberIsCutOffWithConsumerTooSlowWhileTheOthersGoOn(@TempDir Path other) {
        try (TestPds small = TestPds.start(other, Map.of("PDS_MAX_SUBSCRIPTION_BUFFER", "32"));
             FirehoseClient stalled = FirehoseClient.stalled(small, "");
             FirehoseClient reader = FirehoseClient.connect(small, "")) {
            Await.until(() -> small.server().services().liveFirehose().subscribers() == 2, "2 live subscribers");
            // big events fill the socket buffers of the client that does not read, then its queue
            var sequencer = small.server().services().sequencer();
            var did = TestAccounts.randomPlcDid();
            byte[] blocks = new byte[256 * 1024];
            int events = 150;
            for (int i = 0; i < events; i++) {
                sequencer.append(new RepoEvent.SyncEvent(did, org.auroralocus.atproto.syntax.Tid.of(1_000_000L + i, 0), blocks));
            }
            List<Received> delivered = reader.next(events);
            assertEquals(events, delivered.getLast().seq());
            assertGapless(delivered);
            Await.until(() -> small.server().services().liveFirehose().subscribers() == 1, "the stalled subscriber to be cut off");

            stalled.resume();
            List<Received> before = new ArrayList<>();
            Received last;
            while ((last = stalled.next()).op() == 1) before.add(last);
            assertEquals(Map.of("error", DataValue.of("ConsumerTooSlow"), "message", DataValue.of("Stream consumer too slow")),
                    last.body().entries());
            assertEquals(new FirehoseClient.Closed(1008, "ConsumerTooSlow"), stalled.closed());
            assertTrue(before.size() < events, "cut off before the end: " + before.size());
            if (!before.isEmpty()) {
                assertEquals(1, before.getFirst().seq());
                assertGapless(before);
            }

            sequencer.append(new RepoEvent.IdentityEvent(did, Optional.empty()));
            assertEquals(events + 1, reader.next().seq(), "the reader goes on");
        }
    }

    @Test
    void aCursorOlderThanTheBackfillWindowGetsOutdatedCursorThenTheOldestEventKept(@TempDir Path other) {
        TestClock clock = TestClock.startingNow();
        try (TestPds timed = TestPds.start(other, Map.of(), clock)) {
            TestAccounts.signUp(timed, "old", "pw");                        // seq 1-4
            clock.advance(Duration.ofHours(25));
            TestAccounts.signUp(timed, "kept", "pw");                       // seq 5-8
            assertEquals(4, timed.server().services().retention().prune());

            try (FirehoseClient client = FirehoseClient.connect(timed, "?cursor=2")) {
                Received info = client.next();
                assertEquals("#info", info.type());
                assertEquals(Map.of("name", DataValue.of("OutdatedCursor"),
                        "message", DataValue.of("Requested cursor exceeded limit. Possibly missing events")), info.body().entries());
                assertEquals(List.of(5L, 6L, 7L, 8L), client.next(4).stream().map(Received::seq).toList());
            }
            try (FirehoseClient client = FirehoseClient.connect(timed, "?cursor=4")) {
                assertEquals(5, client.next().seq(), "nothing missed from the last pruned event on: no #info");
            }

            // older than the window but not pruned yet: the replay starts where the window starts
            clock.advance(Duration.ofHours(25));
            TestAccounts.signUp(timed, "new", "pw");                        // seq 9-12
            try (FirehoseClient client = FirehoseClient.connect(timed, "?cursor=5")) {
                assertEquals("#info", client.next().type());
                assertEquals(9, client.next().seq());
            }
        }
    }
}
