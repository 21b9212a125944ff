package org.auroralocus.server.repo;

/** What validation said about a written record ({@code validationStatus} in the outputs). */
public enum ValidationStatus {
    VALID("valid"),
    UNKNOWN("unknown");

    private final String wireName;

    ValidationStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
