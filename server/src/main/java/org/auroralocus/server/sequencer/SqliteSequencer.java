package org.auroralocus.server.sequencer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.Migrations;
import org.auroralocus.server.sequencer.db.SeqTable;

/** The sequencer over {@code sequencer.sqlite}. */
public final class SqliteSequencer implements Sequencer {
    public static final Migrations MIGRATIONS = Migrations.of("sequencer", "001-repo-seq.sql");
    private static final System.Logger LOG = System.getLogger(SqliteSequencer.class.getName());

    private final Database db;
    private final Clock clock;

    public SqliteSequencer(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override public long append(RepoEvent event) {
        String type = EventBodies.type(event);
        byte[] body = DagCbor.encode(EventBodies.body(event));
        long seq = db.write(s -> new SeqTable(s).append(event.did().toString(), type, body, clock.instant()));
        LOG.log(System.Logger.Level.DEBUG, "sequenced {0} seq={1} did={2}", type, seq, event.did());
        return seq;
    }

    /**
     * Announces a deleted account ({@code #account}, status {@code deleted}) and, in the same
     * transaction, forgets the account's earlier events, as the official PDS does: a relay
     * backfilling from an old cursor then gets no records of an account that asked to be gone.
     */
    public long appendAccountDeletion(Did did) {
        RepoEvent event = new RepoEvent.AccountEvent(did, false, Optional.of("deleted"));
        byte[] body = DagCbor.encode(EventBodies.body(event));
        long seq = db.write(s -> {
            SeqTable table = new SeqTable(s);
            long appended = table.append(did.toString(), EventBodies.type(event), body, clock.instant());
            table.deleteForDidBefore(did.toString(), appended);
            return appended;
        });
        LOG.log(System.Logger.Level.INFO, "sequenced account deletion seq={0} did={1}", seq, did);
        return seq;
    }

    /** Stored events after {@code cursor}, oldest first. */
    public List<SeqTable.Row> after(long cursor, int limit) {
        return db.read(s -> new SeqTable(s).after(cursor, limit));
    }
}
