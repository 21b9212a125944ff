package org.auroralocus.server.repo;

import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;

/** What one write did, in the order the writes were given. */
public sealed interface WriteResult permits WriteResult.Written, WriteResult.Deleted {

    /** A record created or updated (or left as it was by a put of the same value). */
    record Written(AtUri uri, Cid cid, Optional<ValidationStatus> validationStatus) implements WriteResult {
        public Written {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(validationStatus, "validationStatus");
        }
    }

    /** A record deleted (or found already gone, for a delete that ignores a missing record). */
    record Deleted(AtUri uri) implements WriteResult {
        public Deleted {
            Objects.requireNonNull(uri, "uri");
        }
    }
}
