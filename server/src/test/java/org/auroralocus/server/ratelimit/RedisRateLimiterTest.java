package org.auroralocus.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.auroralocus.server.config.PdsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisRateLimiterTest {
    private static final RateLimit TWO_PER_MINUTE = new RateLimit("redis-test", 2, Duration.ofMinutes(1));

    @TempDir Path dir;

    @Test
    void twoConnectionsCountOneWindowThatExpires() throws IOException {
        try (RedisServer redis = RedisServer.start(dir);
             RedisRateLimiter a = RedisRateLimiter.connect(redis.address());
             RedisRateLimiter b = RedisRateLimiter.connect(redis.address())) {
            RateLimitStatus first = a.consume(TWO_PER_MINUTE, "k");
            assertEquals(1, first.remaining());
            assertTrue(first.untilReset().compareTo(Duration.ZERO) > 0
                    && first.untilReset().compareTo(Duration.ofMinutes(1)) <= 0, "the window has an expiry: " + first.untilReset());
            assertFalse(b.consume(TWO_PER_MINUTE, "k").exceeded());
            assertTrue(a.consume(TWO_PER_MINUTE, "k").exceeded(), "the third request across both connections");
            assertFalse(b.consume(TWO_PER_MINUTE, "other").exceeded());
        }
    }

    @Test
    void aWeightedRequestConsumesItsPointsAndStartsAnExpiringWindow() throws IOException {
        RateLimit tenPoints = new RateLimit("redis-weighted", 10, Duration.ofMinutes(1));
        try (RedisServer redis = RedisServer.start(dir); RedisRateLimiter limiter = RedisRateLimiter.connect(redis.address())) {
            RateLimitStatus first = limiter.consume(tenPoints, "k", 6);
            assertEquals(4, first.remaining());
            assertTrue(first.untilReset().compareTo(Duration.ZERO) > 0, "the first, weighted request starts the window's expiry");
            assertTrue(limiter.consume(tenPoints, "k", 5).exceeded(), "11 points of 10");
        }
    }

    @Test
    void anUnreachableRedisLetsRequestsThroughInsteadOfFailingThem() throws IOException {
        RedisAddress gone;
        try (RedisServer redis = RedisServer.start(dir)) {
            gone = redis.address();
        }
        var config = new PdsConfig.RateLimits(true, Optional.empty(), List.of(), Optional.of(gone));
        try (RateLimiting limiting = RateLimiting.from(config, Clock.systemUTC()).orElseThrow()) {
            assertEquals(Optional.empty(), limiting.consume(TWO_PER_MINUTE, "k"));
        }
    }
}
