package org.auroralocus.server.xrpc;

import org.auroralocus.server.ratelimit.RateLimit;

/**
 * A rate limit declared beside a route, with what it counts by. The key is computed after
 * authentication and body binding, so it may use the input (createSession counts per identifier) or
 * the caller (updateHandle counts per account); a refused request still counts, as in the official PDS.
 */
public record RouteLimit(RateLimit limit, Key key) {
    /** What a request is counted by. */
    @FunctionalInterface
    public interface Key {
        String of(Record input, Caller caller, String ip);
    }

    /** Counted per client IP, the official default. */
    public static RouteLimit perIp(RateLimit limit) {
        return new RouteLimit(limit, (input, caller, ip) -> ip);
    }
}
