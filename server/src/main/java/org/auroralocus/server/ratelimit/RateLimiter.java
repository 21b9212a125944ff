package org.auroralocus.server.ratelimit;

/** Counts requests in fixed windows; the first request for a key starts its window. */
public sealed interface RateLimiter extends AutoCloseable permits MemoryRateLimiter, RedisRateLimiter {
    /**
     * Counts a request of {@code points} (at least one; repository writes weigh more than one) for
     * {@code key} against {@code limit} and says where it stands.
     */
    RateLimitStatus consume(RateLimit limit, String key, int points);

    /** Counts a request of one point. */
    default RateLimitStatus consume(RateLimit limit, String key) {
        return consume(limit, key, 1);
    }

    @Override void close();
}
