package org.auroralocus.server.xrpc;

/** What credentials an endpoint takes; every route in {@link XrpcRoutes} names one. */
public enum Auth {
    /** No credentials are read; anyone may call. */
    NONE,
    /** Credentials are read when present (and must then be valid), but not required. */
    OPTIONAL,
    /** An access token: a full session or an app password. */
    ACCESS,
    /** An access token of a full session: app-password sessions are refused (the protected methods). */
    ACCESS_FULL,
    /**
     * An access token of a full session, or of a session created with {@code allowTakendown}
     * (deactivateAccount: a taken-down account may still move away).
     */
    ACCESS_FULL_OR_TAKENDOWN,
    /** An access token of a full session or of a privileged app password. */
    ACCESS_PRIVILEGED,
    /** An access token, also from a session created with {@code allowTakendown}. */
    ACCESS_OR_TAKENDOWN,
    /** A refresh token (refreshSession, deleteSession). */
    REFRESH,
    /** The administrator's Basic credentials. */
    ADMIN,
    /** An inter-service JWT signed by the calling account's key. */
    SERVICE,
    /** An access token or a service JWT. */
    ACCESS_OR_SERVICE
}
