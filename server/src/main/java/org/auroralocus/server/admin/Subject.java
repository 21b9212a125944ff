package org.auroralocus.server.admin;

import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;

/**
 * What a moderation action applies to: the lexicon's {@code com.atproto.admin.defs#repoRef},
 * {@code com.atproto.repo.strongRef} and {@code com.atproto.admin.defs#repoBlobRef}.
 */
public sealed interface Subject {
    /** The DID whose account, or whose repository holds the record or blob. */
    Did did();

    /** A whole account. */
    record Account(Did did) implements Subject {}

    /** One record; the CID names the version the moderator saw. */
    record Record(AtUri uri, Cid cid) implements Subject {
        public Record {
            if (!(uri.authority() instanceof Did) || uri.rkey().isEmpty()) {
                throw new IllegalArgumentException("not the AT URI of a record (at://<did>/<collection>/<rkey>): " + uri);
            }
        }

        @Override public Did did() {
            return (Did) uri.authority();
        }
    }

    /** One blob of an account. */
    record Blob(Did did, Cid cid) implements Subject {}
}
