package org.auroralocus.server.sequencer;

import java.time.Clock;
import java.util.List;
import org.auroralocus.atproto.cbor.DagCbor;
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

    /** Stored events after {@code cursor}, oldest first. */
    public List<SeqTable.Row> after(long cursor, int limit) {
        return db.read(s -> new SeqTable(s).after(cursor, limit));
    }
}
