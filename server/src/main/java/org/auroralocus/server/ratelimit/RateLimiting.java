package org.auroralocus.server.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.config.Secret;

/**
 * What the XRPC layer asks before running an endpoint: is this request exempt, and where does it stand
 * against the global per-IP limit and the route's own limits.
 */
public final class RateLimiting implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RateLimiting.class.getName());
    /** The official PDS's global limit: 3000 requests per 5 minutes per IP (getRepo excepted). */
    public static final RateLimit GLOBAL_PER_IP = new RateLimit("global-ip", 3000, Duration.ofMinutes(5));

    /**
     * The official PDS's shared budget of repository writes per account, counted together by
     * createRecord (3 points), putRecord (2), deleteRecord (1) and applyWrites (the sum of its writes).
     */
    public static final RateLimit REPO_WRITE_HOUR = new RateLimit("repo-write-hour", 5000, Duration.ofHours(1));
    /** The daily half of the shared repository-write budget. */
    public static final RateLimit REPO_WRITE_DAY = new RateLimit("repo-write-day", 35000, Duration.ofDays(1));

    /**
     * Routes outside the global limit, as in the official PDS: getRepo is the high-volume sync path
     * (relays backfill whole repositories) and has its own, larger limit.
     */
    private static final Set<String> GLOBAL_EXEMPT = Set.of("com.atproto.sync.getRepo");

    private final RateLimiter limiter;
    private final Optional<Secret> bypassKey;
    private final Set<String> bypassIps;

    public RateLimiting(RateLimiter limiter, Optional<Secret> bypassKey, List<String> bypassIps) {
        this.limiter = limiter;
        this.bypassKey = bypassKey;
        this.bypassIps = Set.copyOf(bypassIps);
    }

    /** The configured limiting, or none when rate limits are off (the default, as the official PDS). */
    public static Optional<RateLimiting> from(PdsConfig.RateLimits config, java.time.Clock clock) {
        if (!config.enabled()) return Optional.empty();
        RateLimiter limiter = config.redis().<RateLimiter>map(RedisRateLimiter::connect)
                .orElseGet(() -> new MemoryRateLimiter(clock));
        return Optional.of(new RateLimiting(limiter, config.bypassKey(), config.bypassIps()));
    }

    /** Whether requests to {@code nsid} count against {@link #GLOBAL_PER_IP}. */
    public boolean globallyLimited(String nsid) {
        return !GLOBAL_EXEMPT.contains(nsid);
    }

    /** Whether the request skips every limit: the bypass header matches the key, or it comes from a bypass IP. */
    public boolean bypassed(String ip, Optional<String> bypassHeader) {
        if (bypassKey.isPresent() && bypassHeader.filter(h -> bypassKey.get().matches(h)).isPresent()) return true;
        return bypassIps.contains(ip);
    }

    /** Counts a request of one point; see {@link #consume(RateLimit, String, int)}. */
    public Optional<RateLimitStatus> consume(RateLimit limit, String key) {
        return consume(limit, key, 1);
    }

    /**
     * Counts a request of {@code points}, or nothing when it weighs no points (an empty applyWrites, as
     * the official skips it) or when the store fails (Redis unreachable): like the official PDS's
     * global limits, a broken limiter logs and lets requests through rather than taking the server down.
     */
    public Optional<RateLimitStatus> consume(RateLimit limit, String key, int points) {
        if (points < 1) return Optional.empty();
        try {
            return Optional.of(limiter.consume(limit, key, points));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "rate limiter failed for " + limit.name() + "; request let through", e);
            return Optional.empty();
        }
    }

    @Override public void close() {
        limiter.close();
    }
}
