package org.auroralocus.server.identity;

/** An identity that could not be resolved; endpoints answer the lexicon's error for the {@link Problem}. */
public final class IdentityLookupException extends RuntimeException {

    /** Why; the first three are the lexicon's errors, the others say that no answer was possible. */
    public enum Problem {
        /** The handle resolves to no DID, or the DID's document does not claim it. */
        HANDLE_NOT_FOUND,
        /** The DID has no document (it was never registered). */
        DID_NOT_FOUND,
        /** The DID existed but is deactivated or tombstoned. */
        DID_DEACTIVATED,
        /** The DID cannot be resolved by anyone: an unsupported method, an impossible identifier, a broken document. */
        DID_UNUSABLE,
        /** The directory or host could not be asked right now. */
        DID_UNAVAILABLE
    }

    private final Problem problem;

    IdentityLookupException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
