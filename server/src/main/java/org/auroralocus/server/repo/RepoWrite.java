package org.auroralocus.server.repo;

import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;

/**
 * One record write as a client asks for it, before validation. A list of them becomes one commit
 * through {@link RepoService#applyWrites}. {@code swapRecord}, where present, is the CID the record
 * must have now for the write to go ahead (compare and swap).
 */
public sealed interface RepoWrite permits RepoWrite.Create, RepoWrite.Update, RepoWrite.Put, RepoWrite.Delete {
    Nsid collection();

    /** A new record; without a key it gets a new TID. Fails if the key is taken. */
    record Create(Nsid collection, Optional<RecordKey> rkey, DataValue.MapValue record) implements RepoWrite {
        public Create {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(record, "record");
        }
    }

    /** A new value for an existing record. Fails if there is none. */
    record Update(Nsid collection, RecordKey rkey, DataValue.MapValue record) implements RepoWrite {
        public Update {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(record, "record");
        }
    }

    /** Creates or updates the record (putRecord); writing the value it already has changes nothing. */
    record Put(Nsid collection, RecordKey rkey, DataValue.MapValue record, Optional<Cid> swapRecord) implements RepoWrite {
        public Put {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(swapRecord, "swapRecord");
        }
    }

    /**
     * Removes a record. A missing record fails the write, unless {@code ignoreMissing} (deleteRecord
     * "ensures it doesn't exist", so deleting nothing is a success that changes nothing).
     */
    record Delete(Nsid collection, RecordKey rkey, Optional<Cid> swapRecord, boolean ignoreMissing) implements RepoWrite {
        public Delete {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(swapRecord, "swapRecord");
        }
    }
}
