package org.auroralocus.atproto.identity;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/** Handle to DID (https://atproto.com/specs/handle#handle-resolution). Implementation: {@link NetworkHandleResolver}. */
public interface HandleResolver {
    /**
     * The DID the handle's domain points to, or empty when it points to none, to several, or cannot be asked
     * right now (resolution failures are not errors: an unresolvable handle is simply not a handle of anyone).
     * The answer is one direction only: the DID's document must claim the handle too
     * ({@link IdentityResolver} checks both).
     */
    Optional<Did> resolve(Handle handle);
}
