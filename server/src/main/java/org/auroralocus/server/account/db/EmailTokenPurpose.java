package org.auroralocus.server.account.db;

/** What an e-mailed code is for: the {@code purpose} column of {@code email_token}, one outstanding code each per account. */
public enum EmailTokenPurpose {
    CONFIRM_EMAIL("confirm_email"),
    UPDATE_EMAIL("update_email"),
    RESET_PASSWORD("reset_password"),
    DELETE_ACCOUNT("delete_account"),
    PLC_OPERATION("plc_operation");

    private final String column;

    EmailTokenPurpose(String column) {
        this.column = column;
    }

    /** The stored value (the official PDS's names). */
    public String column() {
        return column;
    }
}
