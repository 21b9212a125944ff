package org.auroralocus.server.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.db.Migrations;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSequencerTest {
    private static final Did DID = TestAccounts.randomPlcDid();
    private static final RepoEvent IDENTITY = new RepoEvent.IdentityEvent(DID, Optional.of(Handle.parse("seq.test")));

    @TempDir Path dir;
    final DatabaseThreads threads = new DatabaseThreads(2, 2);
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00.123456Z"));
    final List<Database> opened = new ArrayList<>();

    private Database open(Migrations migrations) {
        Database db = Database.open(dir.resolve("sequencer.sqlite"), migrations, threads);
        opened.add(db);
        return db;
    }

    private SqliteSequencer sequencer(SequencedListener listener) {
        return new SqliteSequencer(open(SqliteSequencer.MIGRATIONS), clock, listener);
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
        threads.close();
    }

    @Test
    void aSeqIsNeverHandedOutTwiceEvenWhenRetentionEmptiesTheLog() {
        SqliteSequencer sequencer = sequencer(e -> {});
        for (int i = 0; i < 3; i++) sequencer.append(IDENTITY);
        clock.advance(Duration.ofDays(2));
        assertEquals(3, new EventRetention(sequencer, Duration.ofDays(1), clock).prune());
        assertTrue(sequencer.after(0, 10).isEmpty());
        assertEquals(3, sequencer.head(), "the head outlives its event");
        assertEquals(3, sequencer.prunedThrough());
        assertEquals(4, sequencer.append(IDENTITY));
    }

    @Test
    void retentionKeepsTheEventsInsideTheWindow() {
        SqliteSequencer sequencer = sequencer(e -> {});
        sequencer.append(IDENTITY);
        clock.advance(Duration.ofHours(23));
        sequencer.append(IDENTITY);
        clock.advance(Duration.ofHours(2));
        assertEquals(1, new EventRetention(sequencer, Duration.ofDays(1), clock).prune());
        assertEquals(List.of(2L), sequencer.after(0, 10).stream().map(SeqTable.Row::seq).toList());
    }

    @Test
    void theListenerHearsEveryEventOnceInSeqOrderAndOnlyOnceItIsStored() throws Exception {
        List<Long> heard = new CopyOnWriteArrayList<>();
        List<Boolean> storedWhenHeard = new CopyOnWriteArrayList<>();
        SqliteSequencer[] self = new SqliteSequencer[1];
        self[0] = sequencer(e -> {
            heard.add(e.seq());
            storedWhenHeard.add(!self[0].after(e.seq() - 1, 1).isEmpty());
        });
        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) done.add(writers.submit(() -> {
                for (int i = 0; i < 25; i++) self[0].append(IDENTITY);
            }));
            for (Future<?> f : done) f.get();
        }
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList(), heard);
        assertTrue(storedWhenHeard.stream().allMatch(b -> b));
    }

    @Test
    void eventTimesHaveMillisecondsAndTheFrameFormat() {
        List<SequencedEvent> heard = new ArrayList<>();
        SqliteSequencer sequencer = sequencer(heard::add);
        sequencer.append(IDENTITY);
        assertEquals("2026-03-01T10:00:00.123Z", heard.getFirst().timestamp());
        assertEquals(heard.getFirst(), sequencer.events(0, 1).getFirst(), "the stored event reads back as it was announced");
    }

    @Test
    void theLastRevFollowsCommitsAndSyncsAndGoesWithTheAccount() {
        SqliteSequencer sequencer = sequencer(e -> {});
        Tid first = Tid.of(1_000_000, 0);
        Tid second = Tid.of(2_000_000, 0);
        sequencer.append(new RepoEvent.SyncEvent(DID, first, new byte[0]));
        sequencer.append(IDENTITY);
        assertEquals(Optional.of(first), sequencer.lastRev(DID));
        sequencer.append(new RepoEvent.SyncEvent(DID, second, new byte[0]));
        assertEquals(Optional.of(second), sequencer.lastRev(DID));
        sequencer.appendAccountDeletion(DID);
        assertEquals(Optional.empty(), sequencer.lastRev(DID));
        assertEquals(List.of("#account"), sequencer.after(0, 10).stream().map(SeqTable.Row::type).toList());
    }

    @Test
    void aLogWrittenBeforeTheRetentionMigrationKeepsItsSeqsAndTimes() {
        Database old = open(Migrations.of("sequencer", "001-repo-seq.sql"));
        old.write(s -> {
            new SeqTable(s).append(DID.toString(), "#identity", new byte[] {(byte) 0xa0}, "2026-01-01T00:00:00Z");
            return new SeqTable(s).append(DID.toString(), "#identity", new byte[] {(byte) 0xa0}, "2026-01-01T00:00:01.123456Z");
        });
        old.close();
        opened.remove(old);

        SqliteSequencer sequencer = sequencer(e -> {});
        List<SeqTable.Row> rows = sequencer.after(0, 10);
        assertEquals(List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01.123Z")),
                rows.stream().map(SeqTable.Row::sequencedAt).toList());
        assertEquals(2, sequencer.head());
        assertEquals(3, sequencer.append(IDENTITY));
    }
}
