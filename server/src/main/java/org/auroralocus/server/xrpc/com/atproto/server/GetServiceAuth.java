package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.auth.MethodSet;
import org.auroralocus.server.auth.ServiceAudience;
import org.auroralocus.server.auth.ServiceJwts;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.server.getServiceAuth: a service JWT signed with the caller's {@code #atproto} key, for
 * the client to present to another service (account migration's createAccount, video upload, ...).
 * Served with {@code Auth.ACCESS_OR_TAKENDOWN}; the checks, their order and their errors are the
 * official PDS's.
 */
public final class GetServiceAuth implements XrpcQuery<GetServiceAuth.Params, GetServiceAuth.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.getServiceAuth");
    static final int MAX_AUD_LENGTH = 2048;
    /** The furthest expiry a client may ask for, and for a token bound to no method. */
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    static final Duration MAX_METHODLESS_LIFETIME = Duration.ofMinutes(1);
    /** The one method a taken-down account may still get a token for: moving to another PDS. */
    private static final Nsid CREATE_ACCOUNT = Nsid.parse("com.atproto.server.createAccount");

    /** @param exp seconds since the epoch */
    record Params(String aud, Optional<Long> exp, Optional<Nsid> lxm) {
        Params {
            if (aud.length() > MAX_AUD_LENGTH) {
                throw new IllegalArgumentException("aud must not be longer than " + MAX_AUD_LENGTH + " characters");
            }
        }
    }

    public record Output(String token) {}

    private final ActorStores actors;
    private final ServiceJwts jwts;
    private final Clock clock;

    public GetServiceAuth(ActorStores actors, ServiceJwts jwts, Clock clock) {
        this.actors = actors;
        this.jwts = jwts;
        this.clock = clock;
    }

    @Override public Output handle(Params params, Caller caller) {
        Caller.User user = (Caller.User) caller;
        ServiceAudience aud;
        try {
            aud = ServiceAudience.parse(params.aud());
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("aud must be a valid atproto DID or did#serviceId reference");
        }
        Optional<Nsid> lxm = params.lxm();
        // the official PDS compares this one exactly, unlike its method lists
        if (user.scope() == Caller.Scope.TAKENDOWN && !lxm.equals(Optional.of(CREATE_ACCOUNT))) {
            throw XrpcException.invalidToken("Bad token scope");
        }
        // as in the official PDS, a takendown session is not privileged, so this refuses it createAccount
        // too and the exception above never takes effect
        if (lxm.isPresent() && MethodSet.PRIVILEGED.contains(lxm.get()) && !privileged(user.scope())) {
            throw XrpcException.invalidRequest(
                    "insufficient access to request a service auth token for the following method: " + lxm.get());
        }
        params.exp().ifPresent(exp -> checkExpiry(exp, lxm.isPresent()));
        if (lxm.isPresent() && MethodSet.PROTECTED.contains(lxm.get())) {
            throw XrpcException.invalidRequest(
                    "cannot request a service auth token for the following protected method: " + lxm.get());
        }
        KeyPair key;
        try {
            key = actors.signingKey(user.did());
        } catch (ActorNotFoundException e) {
            // a still-valid access token of an account deleted since
            throw new XrpcException(403, "AccountNotFound", "Account not found");
        }
        return new Output(jwts.create(key, user.did(), aud.toString(), lxm, params.exp().map(Instant::ofEpochSecond)));
    }

    private static boolean privileged(Caller.Scope scope) {
        return scope == Caller.Scope.ACCESS || scope == Caller.Scope.APP_PASS_PRIVILEGED;
    }

    /** In the future, at most an hour ahead, and at most a minute for a token bound to no method. */
    private void checkExpiry(long exp, boolean boundToMethod) {
        long now = clock.millis();
        // compared in milliseconds as the official PDS does; the bounds keep the product from overflowing
        long ahead = exp < 0 ? -1 : exp > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : exp * 1000 - now;
        if (ahead < 0) throw new XrpcException(400, "BadExpiration", "expiration is in past");
        if (ahead > MAX_LIFETIME.toMillis()) {
            throw new XrpcException(400, "BadExpiration",
                    "cannot request a token with an expiration more than an hour in the future");
        }
        if (!boundToMethod && ahead > MAX_METHODLESS_LIFETIME.toMillis()) {
            throw new XrpcException(400, "BadExpiration",
                    "cannot request a method-less token with an expiration more than a minute in the future");
        }
    }
}
