package org.auroralocus.server.xrpc;

/**
 * An error a client sees as {@code {"error": name, "message": message}} with an HTTP status. Names
 * are the lexicon's, or the standard ones with the statuses the official PDS uses.
 */
public final class XrpcException extends RuntimeException {
    private final int status;
    private final String error;

    public XrpcException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static XrpcException invalidRequest(String message) {
        return new XrpcException(400, "InvalidRequest", message);
    }

    /** A 400 with a lexicon-defined error name, such as {@code RecordNotFound}. */
    public static XrpcException invalidRequest(String error, String message) {
        return new XrpcException(400, error, message);
    }

    /** No credentials at all. */
    public static XrpcException authMissing() {
        return new XrpcException(401, "AuthMissing", "Authentication Required");
    }

    /** Credentials that are wrong (a bad password, the wrong account). */
    public static XrpcException authenticationRequired(String message) {
        return new XrpcException(401, "AuthenticationRequired", message);
    }

    /** A token that is present but cannot be used. */
    public static XrpcException invalidToken(String message) {
        return new XrpcException(400, "InvalidToken", message);
    }

    /** An expired access token (clients refresh on exactly this) or a revoked refresh token. */
    public static XrpcException expiredToken(String message) {
        return new XrpcException(400, "ExpiredToken", message);
    }

    public static XrpcException payloadTooLarge() {
        return new XrpcException(413, "PayloadTooLarge", "request entity too large");
    }

    public static XrpcException methodNotImplemented(String message) {
        return new XrpcException(501, "MethodNotImplemented", message);
    }
}
