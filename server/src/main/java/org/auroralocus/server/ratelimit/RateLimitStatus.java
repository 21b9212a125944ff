package org.auroralocus.server.ratelimit;

import java.time.Duration;

/** One key's count against one limit after a request was counted. */
public record RateLimitStatus(RateLimit limit, long consumed, Duration untilReset) {
    public RateLimitStatus {
        if (consumed < 1) throw new IllegalArgumentException("a counted request consumes a point: " + consumed);
        if (untilReset.isNegative()) untilReset = Duration.ZERO;
    }

    public long remaining() {
        return Math.max(0, limit.points() - consumed);
    }

    public boolean exceeded() {
        return consumed > limit.points();
    }
}
