package org.auroralocus.server.admin;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountStatus;

/** One account as an administrator lists it. */
public record AccountSummary(Did did, Handle handle, Optional<String> email, boolean emailConfirmed, Instant createdAt,
                             AccountStatus status) {

    static AccountSummary of(Account account) {
        return new AccountSummary(account.did(), account.handle(), account.email(),
                account.emailConfirmedAt().isPresent(), account.createdAt(), account.status());
    }
}
