package org.auroralocus.server.admin;

/** An administrative action refused, with a message fit to show the administrator as it is. */
public final class AdminException extends RuntimeException {

    /** Why; the XRPC methods map these to the lexicons' error names. */
    public enum Problem {
        /** No such account, record, blob or invite code here. */
        NOT_FOUND,
        /** The input is not acceptable (a bad handle, password or address, a conflicting request). */
        INVALID,
        /** The handle belongs to another account. */
        HANDLE_NOT_AVAILABLE,
        /** The e-mail address belongs to another account. */
        EMAIL_NOT_AVAILABLE,
        /** The invite code is missing, unknown, disabled or used up. */
        INVALID_INVITE_CODE
    }

    private final Problem problem;

    public AdminException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
