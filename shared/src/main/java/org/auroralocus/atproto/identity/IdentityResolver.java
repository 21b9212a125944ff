package org.auroralocus.atproto.identity;

import java.util.Optional;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * Handles and DIDs to verified identities. A handle counts only when it is confirmed in both directions: the
 * handle resolves to the DID, and the DID's document names the handle
 * (https://atproto.com/specs/handle#handle-resolution); otherwise anyone could claim anyone's handle.
 */
public final class IdentityResolver {
    private final HandleResolver handles;
    private final DidResolver dids;

    public IdentityResolver(HandleResolver handles, DidResolver dids) {
        this.handles = handles;
        this.dids = dids;
    }

    /** One direction only: the DID the handle points to. See {@link HandleResolver#resolve}. */
    public Optional<Did> resolveHandle(Handle handle) {
        return handles.resolve(handle);
    }

    /** The DID's document. See {@link DidResolver#resolve}. */
    public Optional<DidDocument> resolveDid(Did did) {
        return dids.resolve(did);
    }

    /**
     * The identity behind a handle or DID.
     *
     * <ul>
     *   <li>A DID: empty when it has no document; otherwise its identity, whose handle is the one the document
     *       claims if that handle resolves back to the DID, or {@link Handle#INVALID}.</li>
     *   <li>A handle: empty when it resolves to no DID, the DID has no document, or the document does not claim
     *       this handle (the handle is then nobody's).</li>
     * </ul>
     *
     * @throws IdentityException when the DID could not be resolved (see {@link DidResolver#resolve})
     */
    public Optional<Identity> resolve(AtIdentifier identifier) {
        return switch (identifier) {
            case Did did -> fromDid(did);
            case Handle handle -> fromHandle(handle.normalized());
        };
    }

    private Optional<Identity> fromDid(Did did) {
        return dids.resolve(did).map(document -> new Identity(did, verifiedHandle(did, document), document));
    }

    private Optional<Identity> fromHandle(Handle handle) {
        return handles.resolve(handle).flatMap(did -> dids.resolve(did)
                .filter(document -> document.handle().equals(Optional.of(handle)))
                .map(document -> new Identity(did, handle, document)));
    }

    private Handle verifiedHandle(Did did, DidDocument document) {
        return document.handle()
                .filter(claimed -> handles.resolve(claimed).equals(Optional.of(did)))
                .orElse(Handle.INVALID);
    }
}
