package org.auroralocus.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.auroralocus.server.TestClock;
import org.junit.jupiter.api.Test;

class MemoryRateLimiterTest {
    private static final RateLimit THREE_PER_MINUTE = new RateLimit("test", 3, Duration.ofMinutes(1));
    private final TestClock clock = TestClock.startingNow();

    @Test
    void theRequestAfterTheLimitIsExceededUntilTheWindowEnds() {
        MemoryRateLimiter limiter = new MemoryRateLimiter(clock);
        for (int i = 1; i <= 3; i++) assertFalse(limiter.consume(THREE_PER_MINUTE, "k").exceeded(), "request " + i);
        RateLimitStatus fourth = limiter.consume(THREE_PER_MINUTE, "k");
        assertTrue(fourth.exceeded());
        assertEquals(0, fourth.remaining());
        assertEquals(Duration.ofMinutes(1), fourth.untilReset());

        clock.advance(Duration.ofMinutes(1));
        RateLimitStatus fresh = limiter.consume(THREE_PER_MINUTE, "k");
        assertEquals(2, fresh.remaining(), "a new window starts with the first request after the old one ends");
    }

    @Test
    void aWeightedRequestConsumesItsPointsAndTheOneThatOverrunsIsExceeded() {
        MemoryRateLimiter limiter = new MemoryRateLimiter(clock);
        RateLimit tenPoints = new RateLimit("weighted", 10, Duration.ofMinutes(1));
        assertEquals(7, limiter.consume(tenPoints, "k", 3).remaining());
        assertEquals(1, limiter.consume(tenPoints, "k", 6).remaining());
        RateLimitStatus overrun = limiter.consume(tenPoints, "k", 2);
        assertTrue(overrun.exceeded(), "11 points of 10");
        assertEquals(11, overrun.consumed());
    }

    @Test
    void keysAndLimitsAreCountedApart() {
        MemoryRateLimiter limiter = new MemoryRateLimiter(clock);
        for (int i = 0; i < 4; i++) limiter.consume(THREE_PER_MINUTE, "a");
        assertEquals(2, limiter.consume(THREE_PER_MINUTE, "b").remaining());
        assertEquals(2, limiter.consume(new RateLimit("other", 3, Duration.ofMinutes(1)), "a").remaining());
    }

    @Test
    void aFloodOfDistinctKeysStaysWithinTheTable() {
        MemoryRateLimiter limiter = new MemoryRateLimiter(clock, 100);
        for (int i = 0; i < 10_000; i++) limiter.consume(THREE_PER_MINUTE, "key" + i);
        assertTrue(limiter.size() <= 100, "table holds " + limiter.size());
    }
}
