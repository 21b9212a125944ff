package org.auroralocus.server.account.db;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * A row of {@code account}. The handle and e-mail are lower-case, as stored.
 *
 * @param passwordHash the encoded hash with its parameters; empty for an account that cannot log in with a password
 * @param takedownRef  set while the account is taken down (the moderation reference)
 */
public record AccountRow(Did did, Handle handle, Optional<String> email, Optional<String> passwordHash,
                         Instant createdAt, Optional<Instant> emailConfirmedAt, Optional<Instant> deactivatedAt,
                         Optional<String> takedownRef) {
    public AccountRow {
        if (!handle.equals(handle.normalized())) throw new IllegalArgumentException("handle not normalized: " + handle);
        if (email.isPresent() && !email.get().equals(email.get().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("e-mail not normalized");
        }
    }
}
