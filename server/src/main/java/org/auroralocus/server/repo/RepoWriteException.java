package org.auroralocus.server.repo;

/** A write refused because of what the client asked; nothing was changed. */
public final class RepoWriteException extends RuntimeException {
    /** Why; each has its own XRPC error name (all are 400s). */
    public enum Problem {
        /** The record, its key or the batch is not acceptable ({@code InvalidRequest}). */
        INVALID_RECORD,
        /** {@code swapCommit} or {@code swapRecord} did not match ({@code InvalidSwap}). */
        INVALID_SWAP,
        /** A blob the record references was never uploaded, or is taken down ({@code BlobNotFound}). */
        BLOB_NOT_FOUND,
        /** A blob reference's MIME type differs from the stored blob's ({@code InvalidMimeType}). */
        INVALID_MIME_TYPE,
        /** A blob reference's size differs from the stored blob's ({@code InvalidSize}). */
        INVALID_SIZE
    }

    private final Problem problem;

    public RepoWriteException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static RepoWriteException invalid(String message) {
        return new RepoWriteException(Problem.INVALID_RECORD, message);
    }
}
