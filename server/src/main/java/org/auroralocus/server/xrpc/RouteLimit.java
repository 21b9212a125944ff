package org.auroralocus.server.xrpc;

import org.auroralocus.server.ratelimit.RateLimit;

/**
 * A rate limit declared beside a route, with what it counts by. The key is computed after
 * authentication and body binding, so it may use the input (createSession counts per identifier) or
 * the caller (updateHandle counts per account); a refused request still counts, as in the official PDS.
 */
public record RouteLimit(RateLimit limit, Key key, Points points) {
    /** What a request is counted by. */
    @FunctionalInterface
    public interface Key {
        String of(Record input, Caller caller, String ip);
    }

    /**
     * How much a request weighs, from its bound input (applyWrites: the sum over its writes); a
     * request of no points is not counted.
     */
    @FunctionalInterface
    public interface Points {
        int of(Record input);
    }

    /** One point per request, the official default. */
    public RouteLimit(RateLimit limit, Key key) {
        this(limit, key, input -> 1);
    }

    /** Counted per client IP, the official default. */
    public static RouteLimit perIp(RateLimit limit) {
        return new RouteLimit(limit, (input, caller, ip) -> ip);
    }

    /** Counted per calling account, one point a request: for routes that require a user's access token. */
    public static RouteLimit perAccount(RateLimit limit) {
        return perAccount(limit, input -> 1);
    }

    /** Counted per calling account, weighing each request by {@code points}. */
    public static RouteLimit perAccount(RateLimit limit, Points points) {
        return new RouteLimit(limit, (input, caller, ip) -> caller instanceof Caller.User user ? user.did().toString() : ip,
                points);
    }
}
