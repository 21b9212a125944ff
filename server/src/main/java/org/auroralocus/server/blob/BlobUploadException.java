package org.auroralocus.server.blob;

/** An upload refused for a reason the client is told; nothing of it is kept. */
public final class BlobUploadException extends RuntimeException {

    /** Why; uploadBlob maps these to its errors. */
    public enum Problem {
        /** More bytes than {@code PDS_BLOB_UPLOAD_LIMIT}, declared or sent. */
        TOO_LARGE,
        /** The same bytes were uploaded before and taken down by a moderator. */
        TAKEN_DOWN,
        /** The request body could not be read to its end (the client went away or sent a broken body). */
        BODY_UNREADABLE
    }

    private final Problem problem;

    public BlobUploadException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
