package org.auroralocus.server.account;

/** What an e-mailed code lets its account do; the values are the official PDS's purpose strings. */
public enum EmailTokenPurpose {
    CONFIRM_EMAIL("confirm_email"),
    UPDATE_EMAIL("update_email"),
    RESET_PASSWORD("reset_password"),
    DELETE_ACCOUNT("delete_account"),
    PLC_OPERATION("plc_operation");

    private final String value;

    EmailTokenPurpose(String value) {
        this.value = value;
    }

    /** The string stored in {@code email_token.purpose}. */
    public String value() {
        return value;
    }
}
