package org.auroralocus.server.xrpc;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/** Who is calling, as authenticated for the route's {@link Auth}. */
public sealed interface Caller {

    /** No credentials were given (allowed for {@link Auth#NONE} and {@link Auth#OPTIONAL}). */
    record Anonymous() implements Caller {}

    /**
     * A user with an access token.
     *
     * @param scope   the token's scope, which tells a full session from an app-password one
     * @param appPasswordName the app password that minted the session, if any
     */
    record User(Did did, Scope scope, Optional<String> appPasswordName) implements Caller {}

    /** A user presenting a refresh token; {@code tokenId} is its {@code jti}. */
    record Refresh(Did did, String tokenId) implements Caller {}

    /** The administrator (Basic auth with {@code PDS_ADMIN_PASSWORD}). */
    record Admin() implements Caller {}

    /** Another service acting for {@code iss}, with a service JWT. */
    record Service(Did iss, String aud, Optional<String> lxm) implements Caller {}

    /** Access-token scopes, with the strings the official PDS puts in its JWTs. */
    enum Scope {
        ACCESS("com.atproto.access"),
        APP_PASS("com.atproto.appPass"),
        APP_PASS_PRIVILEGED("com.atproto.appPassPrivileged"),
        TAKENDOWN("com.atproto.takendown");

        private final String value;

        Scope(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Optional<Scope> of(String value) {
            for (Scope s : values()) if (s.value.equals(value)) return Optional.of(s);
            return Optional.empty();
        }
    }
}
