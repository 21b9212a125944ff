package org.auroralocus.server.account;

/** An e-mailed code that does not match the outstanding one, or came too late; the messages are the official PDS's. */
public final class EmailTokenException extends RuntimeException {

    /** Why the code was refused; endpoints answer {@code InvalidToken} or {@code ExpiredToken}. */
    public enum Reason {
        INVALID("Token is invalid"),
        EXPIRED("Token is expired");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    EmailTokenException(Reason reason) {
        super(reason.message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
