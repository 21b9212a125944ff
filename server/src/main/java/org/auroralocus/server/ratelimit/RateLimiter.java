package org.auroralocus.server.ratelimit;

/** Counts requests in fixed windows; the first request for a key starts its window. */
public sealed interface RateLimiter extends AutoCloseable permits MemoryRateLimiter, RedisRateLimiter {
    /** Counts one request for {@code key} against {@code limit} and says where it stands. */
    RateLimitStatus consume(RateLimit limit, String key);

    @Override void close();
}
