package org.auroralocus.server.sequencer;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.Migrations;
import org.auroralocus.server.sequencer.db.SeqTable;

/**
 * The sequencer over {@code sequencer.sqlite}. Each append runs on the file's single writer, which
 * hands out {@code seq} in the order it runs them, and tells the listener (the live firehose) right
 * after the commit that holds the event, still on that writer: listeners hear events in {@code seq}
 * order, and an event is never announced before it is durable, so a subscriber that reads the log
 * and then listens misses nothing. Appends of different repositories that arrive together share
 * one commit and so one fsync (the database's group commit) instead of queueing behind a lock for
 * one each.
 */
public final class SqliteSequencer implements Sequencer {
    public static final Migrations MIGRATIONS = Migrations.of("sequencer", "001-repo-seq.sql", "002-seq-never-reused.sql");
    private static final System.Logger LOG = System.getLogger(SqliteSequencer.class.getName());
    /** Rows removed per prune transaction, so retention never holds the writer for long. */
    private static final int PRUNE_BATCH = 10_000;

    private final Database db;
    private final Clock clock;
    private final SequencedListener listener;

    public SqliteSequencer(Database db, Clock clock, SequencedListener listener) {
        this.db = db;
        this.clock = clock;
        this.listener = listener;
    }

    @Override public long append(RepoEvent event) {
        Optional<Tid> rev = EventBodies.rev(event);
        long seq = sequence(event, (table, appended) -> {
            if (rev.isPresent()) table.setRev(event.did().toString(), rev.get().toString(), appended);
        });
        LOG.log(System.Logger.Level.DEBUG, "sequenced {0} seq={1} did={2}", EventBodies.type(event), seq, event.did());
        return seq;
    }

    /**
     * Announces a deleted account ({@code #account}, status {@code deleted}) and, in the same
     * transaction, forgets the account's earlier events, as the official PDS does: a relay
     * backfilling from an old cursor then gets no records of an account that asked to be gone.
     */
    public long appendAccountDeletion(Did did) {
        long seq = sequence(new RepoEvent.AccountEvent(did, false, Optional.of("deleted")),
                (table, appended) -> table.deleteForDidBefore(did.toString(), appended));
        LOG.log(System.Logger.Level.INFO, "sequenced account deletion seq={0} did={1}", seq, did);
        return seq;
    }

    /** More work in the append's transaction, once the event has its seq. */
    @FunctionalInterface
    private interface InSameTransaction {
        void run(SeqTable table, long seq) throws SQLException;
    }

    private long sequence(RepoEvent event, InSameTransaction also) {
        String type = EventBodies.type(event);
        DataValue.MapValue body = EventBodies.body(event);
        byte[] stored = DagCbor.encode(body);
        String did = event.did().toString();
        // the time is read on the writer, so times follow seq order as they did under a lock
        return db.write(s -> {
            Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            SeqTable table = new SeqTable(s);
            long appended = table.append(did, type, stored, SequencedEvent.timestamp(time));
            also.run(table, appended);
            return new SequencedEvent(appended, event.did(), type, time, body);
        }, this::announce).seq();
    }

    /** The event is committed whatever a listener does, so a listener's failure must not fail the append. */
    private void announce(SequencedEvent event) {
        try {
            listener.sequenced(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a listener failed on seq=" + event.seq(), e);
        }
    }

    /** Stored events after {@code cursor}, oldest first. */
    public List<SeqTable.Row> after(long cursor, int limit) {
        return db.read(s -> new SeqTable(s).after(cursor, limit));
    }

    /** Stored events after {@code cursor}, oldest first, decoded. */
    public List<SequencedEvent> events(long cursor, int limit) {
        return after(cursor, limit).stream()
                .map(r -> new SequencedEvent(r.seq(), Did.parse(r.did()), r.type(), r.sequencedAt(),
                        (DataValue.MapValue) DagCbor.decode(r.body())))
                .toList();
    }

    /** The last seq handed out (0 before the first event), even when retention has removed that event. */
    public long head() {
        return db.read(s -> new SeqTable(s).head());
    }

    /** The highest seq removed by retention (0 when none): a cursor below it has missed events. */
    public long prunedThrough() {
        return db.read(s -> new SeqTable(s).prunedThrough());
    }

    /** The first event sequenced at or after {@code time}. */
    public Optional<Long> firstSeqAtOrAfter(Instant time) {
        return db.read(s -> new SeqTable(s).firstSeqAtOrAfter(SequencedEvent.timestamp(time)));
    }

    /** The rev of the DID's last sequenced {@code #commit} or {@code #sync}. */
    public Optional<Tid> lastRev(Did did) {
        return db.read(s -> new SeqTable(s).rev(did.toString())).map(Tid::parse);
    }

    /** Removes the events sequenced before {@code cutoff}; returns how many. */
    public int pruneBefore(Instant cutoff) {
        String time = SequencedEvent.timestamp(cutoff);
        int total = 0;
        int removed;
        do {
            removed = db.write(s -> new SeqTable(s).pruneBefore(time, PRUNE_BATCH));
            total += removed;
        } while (removed == PRUNE_BATCH);
        return total;
    }
}
