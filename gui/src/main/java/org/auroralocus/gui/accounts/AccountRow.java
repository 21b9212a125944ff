package org.auroralocus.gui.accounts;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.account.AccountStatus;

/** One row of the accounts table. {@code repositoryBytes} is what the account's store takes on disk. */
public record AccountRow(Did did, Handle handle, Optional<String> email, Instant createdAt, AccountStatus status,
                         long repositoryBytes) {
    /** The status in words. */
    public String statusText() {
        return switch (status) {
            case ACTIVE -> "Active";
            case DEACTIVATED -> "Deactivated";
            case TAKENDOWN -> "Taken down";
        };
    }
}
