package org.auroralocus.server.repo;

/** An import refused because of the CAR the client sent; the repository is unchanged. */
public final class RepoImportException extends RuntimeException {
    /** Why; each is its own XRPC error. */
    public enum Problem {
        /** Not a CAR, not one repository, incomplete, or another account's ({@code InvalidRequest}). */
        INVALID,
        /** More bytes than {@code PDS_MAX_REPO_IMPORT_SIZE} ({@code PayloadTooLarge}). */
        TOO_LARGE
    }

    private final Problem problem;

    RepoImportException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static RepoImportException invalid(String message) {
        return new RepoImportException(Problem.INVALID, message, null);
    }
}
