package org.auroralocus.server.repo;

import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.RecordWrite;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.server.sequencer.RepoEvent;

/**
 * A write as the repository will apply it, once its record's current state is known: a put has
 * become a create or an update, and writes that change nothing have been dropped.
 */
sealed interface ResolvedWrite permits ResolvedWrite.Created, ResolvedWrite.Updated, ResolvedWrite.Removed {
    AtUri uri();

    RecordPath path();

    record Created(PreparedWrite.NewRecord record) implements ResolvedWrite {
        @Override public AtUri uri() {
            return record.uri();
        }

        @Override public RecordPath path() {
            return record.path();
        }
    }

    record Updated(PreparedWrite.NewRecord record, Cid previous) implements ResolvedWrite {
        @Override public AtUri uri() {
            return record.uri();
        }

        @Override public RecordPath path() {
            return record.path();
        }
    }

    record Removed(AtUri uri, RecordPath path, Cid previous) implements ResolvedWrite {}

    /** The new value, for creates and updates. */
    default Optional<PreparedWrite.NewRecord> newRecord() {
        return switch (this) {
            case Created c -> Optional.of(c.record());
            case Updated u -> Optional.of(u.record());
            case Removed r -> Optional.empty();
        };
    }

    default RecordWrite recordWrite() {
        return switch (this) {
            case Created c -> new RecordWrite.Create(c.path(), c.record().value());
            case Updated u -> new RecordWrite.Update(u.path(), u.record().value());
            case Removed r -> new RecordWrite.Delete(r.path());
        };
    }

    /** The firehose operation: creates carry the new CID, updates the new and previous, deletes the previous. */
    default RepoEvent.RepoOp op() {
        String path = path().toString();
        return switch (this) {
            case Created c -> new RepoEvent.RepoOp("create", path, Optional.of(c.record().cid()), Optional.empty());
            case Updated u -> new RepoEvent.RepoOp("update", path, Optional.of(u.record().cid()), Optional.of(u.previous()));
            case Removed r -> new RepoEvent.RepoOp("delete", path, Optional.empty(), Optional.of(r.previous()));
        };
    }
}
