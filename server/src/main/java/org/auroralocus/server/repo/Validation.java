package org.auroralocus.server.repo;

import java.util.Optional;

/** The {@code validate} flag of the record-writing methods. */
public enum Validation {
    /** Unset: the record types this server knows are validated, others accepted as "unknown". */
    KNOWN_TYPES,
    /** {@code true}: every record is validated, and one of an unknown type refused. */
    REQUIRED,
    /** {@code false}: nothing is validated, and no validation status is reported. */
    OFF;

    public static Validation of(Optional<Boolean> validate) {
        return validate.map(v -> v ? REQUIRED : OFF).orElse(KNOWN_TYPES);
    }
}
