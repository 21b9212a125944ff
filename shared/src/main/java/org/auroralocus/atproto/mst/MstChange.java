package org.auroralocus.atproto.mst;

import java.util.Objects;
import org.auroralocus.atproto.cbor.Cid;

/** How one key differs between two trees; the three kinds are a commit's record operations. */
public sealed interface MstChange permits MstChange.Create, MstChange.Update, MstChange.Delete {
    String key();

    /** The key is new, mapped to {@code cid}. */
    record Create(String key, Cid cid) implements MstChange {
        public Create {
            Objects.requireNonNull(key);
            Objects.requireNonNull(cid);
        }
    }

    /** The key was mapped to {@code previous} and now to {@code cid}. */
    record Update(String key, Cid previous, Cid cid) implements MstChange {
        public Update {
            Objects.requireNonNull(key);
            Objects.requireNonNull(previous);
            Objects.requireNonNull(cid);
        }
    }

    /** The key, mapped to {@code previous}, is gone. */
    record Delete(String key, Cid previous) implements MstChange {
        public Delete {
            Objects.requireNonNull(key);
            Objects.requireNonNull(previous);
        }
    }
}
