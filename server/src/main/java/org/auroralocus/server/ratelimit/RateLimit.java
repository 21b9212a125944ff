package org.auroralocus.server.ratelimit;

import java.time.Duration;

/**
 * At most {@code points} requests per {@code window} for one key; {@code name} keeps the counts of
 * different limits apart (the official PDS prefixes keys with the NSID and the limit's index).
 */
public record RateLimit(String name, int points, Duration window) {
    public RateLimit {
        if (name.isBlank()) throw new IllegalArgumentException("a rate limit needs a name");
        if (points < 1) throw new IllegalArgumentException("a rate limit allows at least one request: " + points);
        if (window.toMillis() < 1000) throw new IllegalArgumentException("a rate limit window is at least a second: " + window);
    }

    /** The {@code RateLimit-Policy} header value: points and window in seconds, as the official sets it. */
    public String policy() {
        return points + ";w=" + window.toSeconds();
    }
}
