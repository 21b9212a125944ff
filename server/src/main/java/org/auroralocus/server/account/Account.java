package org.auroralocus.server.account;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * An account hosted here. The handle and e-mail are in their stored, lower-case form.
 *
 * @param takedownRef set while the account is taken down (the moderation reference)
 */
public record Account(Did did, Handle handle, Optional<String> email, Instant createdAt,
                      Optional<Instant> emailConfirmedAt, Optional<Instant> deactivatedAt,
                      Optional<String> takedownRef) {

    /** A takedown outranks a deactivation, as in the official PDS: the account is not served either way. */
    public AccountStatus status() {
        if (takedownRef.isPresent()) return AccountStatus.TAKENDOWN;
        if (deactivatedAt.isPresent()) return AccountStatus.DEACTIVATED;
        return AccountStatus.ACTIVE;
    }

    public boolean active() {
        return status() == AccountStatus.ACTIVE;
    }

    public boolean takendown() {
        return takedownRef.isPresent();
    }
}
