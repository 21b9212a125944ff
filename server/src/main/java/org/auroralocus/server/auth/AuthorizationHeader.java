package org.auroralocus.server.auth;

import java.util.Locale;
import java.util.Optional;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * An {@code Authorization} header split into scheme and credentials the way the official PDS does:
 * exactly one space between them, the scheme case-insensitive and one of Basic, Bearer or DPoP.
 */
record AuthorizationHeader(Scheme scheme, String credentials) {
    enum Scheme { BASIC, BEARER, DPOP }

    /** Empty when there is no header (or an empty one); throws the official errors for a malformed one. */
    static Optional<AuthorizationHeader> parse(Optional<String> header) {
        if (header.isEmpty() || header.get().isEmpty()) return Optional.empty();
        String[] parts = header.get().split(" ", -1);
        if (parts.length != 2) throw XrpcException.invalidToken("Malformed authorization header");
        Scheme scheme = switch (parts[0].toUpperCase(Locale.ROOT)) {
            case "BASIC" -> Scheme.BASIC;
            case "BEARER" -> Scheme.BEARER;
            case "DPOP" -> Scheme.DPOP;
            default -> throw XrpcException.invalidToken("Unsupported authorization type: " + parts[0]);
        };
        return Optional.of(new AuthorizationHeader(scheme, parts[1]));
    }

    /** The bearer token, if this is a Bearer header with a token (an empty one counts as none, as in the official PDS). */
    Optional<String> bearerToken() {
        return scheme == Scheme.BEARER && !credentials.isEmpty() ? Optional.of(credentials) : Optional.empty();
    }

    @Override public String toString() {
        return "AuthorizationHeader[" + scheme + " hidden]";
    }
}
