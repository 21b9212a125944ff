package org.auroralocus.server.account;

/** An account operation refused for a reason the caller reports to its client. */
public final class AccountException extends RuntimeException {

    /** Why; each endpoint maps these to its lexicon's error names. */
    public enum Problem {
        /** The handle belongs to another account. */
        HANDLE_NOT_AVAILABLE,
        /** The e-mail address belongs to another account. */
        EMAIL_NOT_AVAILABLE,
        /** An account with this DID is already hosted here. */
        ALREADY_EXISTS,
        /** Invite codes are required and none was given, or the code is unknown, disabled or used up. */
        INVALID_INVITE_CODE,
        /** No account with this DID is hosted here. */
        NOT_FOUND,
        /** The account already has an app password of this name. */
        APP_PASSWORD_NAME_TAKEN
    }

    private final Problem problem;

    public AccountException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
