package org.auroralocus.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counts of one instance. Expired windows are dropped when the table is full, and if every
 * window is still live the oldest-looking ones go: a flood of distinct keys (spoofed identifiers)
 * must not grow memory without bound, and forgetting a count only lets a client try again early.
 */
public final class MemoryRateLimiter implements RateLimiter {
    static final int DEFAULT_MAX_KEYS = 100_000;

    private record Window(long count, Instant resetAt) {}

    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public MemoryRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_KEYS);
    }

    MemoryRateLimiter(Clock clock, int maxKeys) {
        if (maxKeys < 1) throw new IllegalArgumentException("the table must hold a key: " + maxKeys);
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    @Override public RateLimitStatus consume(RateLimit limit, String key, int points) {
        if (points < 1) throw new IllegalArgumentException("a request counts at least one point: " + points);
        Instant now = clock.instant();
        String id = limit.name() + "\u0000" + key;
        if (!windows.containsKey(id) && windows.size() >= maxKeys) evict(now);
        Window w = windows.compute(id, (k, old) -> old == null || !old.resetAt().isAfter(now)
                ? new Window(points, now.plus(limit.window()))
                : new Window(old.count() + points, old.resetAt()));
        return new RateLimitStatus(limit, w.count(), Duration.between(now, w.resetAt()));
    }

    int size() {
        return windows.size();
    }

    private void evict(Instant now) {
        windows.values().removeIf(w -> !w.resetAt().isAfter(now));
        Iterator<String> it = windows.keySet().iterator();
        while (windows.size() >= maxKeys && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override public void close() {
        windows.clear();
    }
}
