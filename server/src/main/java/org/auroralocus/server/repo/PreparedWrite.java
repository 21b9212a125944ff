package org.auroralocus.server.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.Block;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.syntax.AtUri;

/**
 * A {@link RepoWrite} after the checks that need no storage: key chosen, {@code $type} set, value
 * validated, encoded and its blob references found. What is left (does the record exist, do the
 * swaps match, are the blobs there) is decided inside the repository's transaction.
 */
sealed interface PreparedWrite permits PreparedWrite.Create, PreparedWrite.Update, PreparedWrite.Put, PreparedWrite.Delete {
    AtUri uri();

    RecordPath path();

    /** A record value ready to be committed. */
    record NewRecord(AtUri uri, RecordPath path, DataValue.MapValue value, Block block, List<BlobRef> blobs,
                     Optional<ValidationStatus> validationStatus) {
        public NewRecord {
            blobs = List.copyOf(blobs);
        }

        Cid cid() {
            return block.cid();
        }
    }

    record Create(NewRecord record) implements PreparedWrite {
        @Override public AtUri uri() {
            return record.uri();
        }

        @Override public RecordPath path() {
            return record.path();
        }
    }

    record Update(NewRecord record) implements PreparedWrite {
        @Override public AtUri uri() {
            return record.uri();
        }

        @Override public RecordPath path() {
            return record.path();
        }
    }

    record Put(NewRecord record, Optional<Cid> swapRecord) implements PreparedWrite {
        @Override public AtUri uri() {
            return record.uri();
        }

        @Override public RecordPath path() {
            return record.path();
        }
    }

    record Delete(AtUri uri, RecordPath path, Optional<Cid> swapRecord, boolean ignoreMissing) implements PreparedWrite {}

    /** The result the client sees for this write, whatever the transaction found. */
    default WriteResult result() {
        return switch (this) {
            case Create c -> written(c.record());
            case Update u -> written(u.record());
            case Put p -> written(p.record());
            case Delete d -> new WriteResult.Deleted(d.uri());
        };
    }

    private static WriteResult written(NewRecord r) {
        return new WriteResult.Written(r.uri(), r.cid(), r.validationStatus());
    }
}
