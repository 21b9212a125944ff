package org.auroralocus.atproto.identity;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * A resolved identity, as {@code com.atproto.identity.defs#identityInfo} describes it: the DID, its handle if
 * verified in both directions or else {@link Handle#INVALID}, and the DID document.
 */
public record Identity(Did did, Handle handle, DidDocument document) {
    public Identity {
        if (!document.id().equals(did)) {
            throw new IllegalArgumentException("document of " + document.id() + " is not the document of " + did);
        }
        handle = handle.normalized();
    }

    /** False when the handle is {@code handle.invalid}: the DID has no bidirectionally confirmed handle. */
    public boolean hasVerifiedHandle() {
        return !handle.equals(Handle.INVALID);
    }
}
