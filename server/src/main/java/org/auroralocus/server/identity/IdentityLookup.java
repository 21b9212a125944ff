package org.auroralocus.server.identity;

import java.util.Optional;
import org.auroralocus.atproto.identity.CachingDidResolver;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.Identity;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.identity.IdentityLookupException.Problem;

/**
 * Resolution of any DID or handle for com.atproto.identity.resolveDid / resolveIdentity /
 * refreshIdentity, with reasons for failures that the lexicons name. DID documents come through the
 * server's DID cache, for accounts hosted here too (their documents live in the PLC directory);
 * handles are resolved local accounts first ({@link IdentityService#resolveHandle}).
 */
public final class IdentityLookup {
    private final IdentityService handles;
    private final CachingDidResolver dids;

    public IdentityLookup(IdentityService handles, CachingDidResolver dids) {
        this.handles = handles;
        this.dids = dids;
    }

    /** The DID's document, from the cache when it holds one. */
    public DidDocument document(Did did) {
        return document(did, false);
    }

    /**
     * The identity behind a DID (its handle, if the handle resolves back to it, else
     * {@code handle.invalid}) or behind a handle (which its DID's document must claim).
     *
     * @param fresh resolve the DID document from its source, replacing the cached one
     */
    public Identity resolve(AtIdentifier identifier, boolean fresh) {
        return switch (identifier) {
            case Did did -> {
                DidDocument document = document(did, fresh);
                Handle handle = document.handle()
                        .filter(claimed -> handles.resolveHandle(claimed).equals(Optional.of(did)))
                        .orElse(Handle.INVALID);
                yield new Identity(did, handle, document);
            }
            case Handle handle -> {
                Did did = handles.resolveHandle(handle)
                        .orElseThrow(() -> new IdentityLookupException(Problem.HANDLE_NOT_FOUND, "Unable to resolve handle", null));
                DidDocument document = document(did, fresh);
                if (!document.handle().equals(Optional.of(handle.normalized()))) {
                    // a DID may point anywhere; the handle is its only once the document says so too
                    throw new IdentityLookupException(Problem.HANDLE_NOT_FOUND,
                            "DID document of " + did + " does not claim the handle " + handle.normalized(), null);
                }
                yield new Identity(did, handle, document);
            }
        };
    }

    private DidDocument document(Did did, boolean fresh) {
        Optional<DidDocument> document;
        try {
            document = fresh ? dids.resolveFresh(did) : dids.resolve(did);
        } catch (IdentityException e) {
            Problem problem = switch (e.reason()) {
                case DEACTIVATED -> Problem.DID_DEACTIVATED;
                case UNAVAILABLE -> Problem.DID_UNAVAILABLE;
                case UNSUPPORTED_METHOD, INVALID_DID, BAD_DOCUMENT -> Problem.DID_UNUSABLE;
            };
            throw new IdentityLookupException(problem, e.getMessage(), e);
        }
        return document.orElseThrow(() -> new IdentityLookupException(Problem.DID_NOT_FOUND, "DID not found: " + did, null));
    }
}
