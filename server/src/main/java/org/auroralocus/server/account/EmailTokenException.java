package org.auroralocus.server.account;

/** An e-mailed code that cannot be used; endpoints answer {@code InvalidToken} or {@code ExpiredToken}. */
public final class EmailTokenException extends RuntimeException {
    private final boolean expired;

    EmailTokenException(boolean expired, String message) {
        super(message, null, false, false);
        this.expired = expired;
    }

    /** True when the code was right but is older than its lifetime; false when it is not the account's code. */
    public boolean expired() {
        return expired;
    }
}
