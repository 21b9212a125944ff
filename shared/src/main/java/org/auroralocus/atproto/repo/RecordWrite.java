package org.auroralocus.atproto.repo;

import java.util.Objects;
import org.auroralocus.atproto.cbor.DataValue;

/** One change in a batch of writes to a repository; a batch becomes one commit. */
public sealed interface RecordWrite permits RecordWrite.Create, RecordWrite.Update, RecordWrite.Delete {
    RecordPath path();

    /** A new record; fails if the path is taken. */
    record Create(RecordPath path, DataValue.MapValue value) implements RecordWrite {
        public Create {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A new value for an existing record; fails if there is none. */
    record Update(RecordPath path, DataValue.MapValue value) implements RecordWrite {
        public Update {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Removes an existing record; fails if there is none. */
    record Delete(RecordPath path) implements RecordWrite {
        public Delete {
            Objects.requireNonNull(path, "path");
        }
    }
}
