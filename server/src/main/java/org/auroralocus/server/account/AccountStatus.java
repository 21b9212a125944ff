package org.auroralocus.server.account;

import java.util.Optional;

/** Whether an account is hosted actively, and if not, why; the names are the lexicons' {@code status} values. */
public enum AccountStatus {
    ACTIVE(Optional.empty()),
    TAKENDOWN(Optional.of("takendown")),
    DEACTIVATED(Optional.of("deactivated"));

    private final Optional<String> wireName;

    AccountStatus(Optional<String> wireName) {
        this.wireName = wireName;
    }

    /** The {@code status} field of session outputs; absent while active. */
    public Optional<String> wireName() {
        return wireName;
    }
}
