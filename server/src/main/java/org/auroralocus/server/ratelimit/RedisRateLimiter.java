package org.auroralocus.server.ratelimit;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * Counts kept in Redis ({@code PDS_REDIS_SCRATCH_ADDRESS}), so every instance sharing it enforces one
 * limit. The increment and the window's expiry run as one script: two instances counting the first
 * request of a window at once cannot leave a key without an expiry (a count that never resets).
 * Windows follow Redis's clock, the one clock all instances share.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final String KEY_PREFIX = "aurora:rl:";
    private static final String COUNT = """
            local n = redis.call('INCRBY', KEYS[1], ARGV[2])
            if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}
            """;

    private final RedisClient redis;

    private RedisRateLimiter(RedisClient redis) {
        this.redis = redis;
    }

    /** Connects to {@code host:port}. */
    public static RedisRateLimiter connect(RedisAddress address) {
        return new RedisRateLimiter(RedisClient.create(address.host(), address.port()));
    }

    @Override public RateLimitStatus consume(RateLimit limit, String key, int points) {
        if (points < 1) throw new IllegalArgumentException("a request counts at least one point: " + points);
        List<?> reply = (List<?>) redis.eval(COUNT, List.of(KEY_PREFIX + limit.name() + ":" + key),
                List.of(Long.toString(limit.window().toMillis()), Integer.toString(points)));
        long count = ((Number) reply.get(0)).longValue();
        long ttl = ((Number) reply.get(1)).longValue();
        return new RateLimitStatus(limit, count, Duration.ofMillis(ttl));
    }

    @Override public void close() {
        redis.close();
    }
}
