package org.auroralocus.atproto.identity;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/** DID to DID document. Implementations: {@link NetworkDidResolver}, and {@link CachingDidResolver} in front of it. */
public interface DidResolver {
    /**
     * The DID's current document, possibly from a cache; empty when the DID positively does not exist.
     *
     * @throws IdentityException when resolution failed otherwise (see {@link IdentityException.Reason})
     */
    Optional<DidDocument> resolve(Did did);

    /** Like {@link #resolve}, but from the source, never from a cache: after a signature failed to verify, say. */
    default Optional<DidDocument> resolveFresh(Did did) {
        return resolve(did);
    }
}
