package org.auroralocus.server.auth;

import org.auroralocus.server.xrpc.Caller;

/**
 * The two tokens of a session, as createSession and refreshSession return them, and the scope
 * the access token carries (which tells an app-password session from a full one).
 */
public record SessionTokens(String accessJwt, String refreshJwt, Caller.Scope scope) {
    /** Whether the session was opened with an app password (such sessions are not shown personal data). */
    public boolean appPassword() {
        return scope == Caller.Scope.APP_PASS || scope == Caller.Scope.APP_PASS_PRIVILEGED;
    }

    @Override public String toString() {
        return "SessionTokens[scope=" + scope + ", tokens hidden]";
    }
}
