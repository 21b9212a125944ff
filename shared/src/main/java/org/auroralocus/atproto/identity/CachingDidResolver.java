package org.auroralocus.atproto.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.auroralocus.atproto.syntax.Did;

/**
 * An in-memory cache of DID documents in front of another {@link DidResolver}, with the official PDS's two
 * lifetimes: an entry younger than the stale TTL (1 hour) is returned as is; one between the stale and the max
 * TTL (1 day) is returned too, and refreshed in the background; an older one is not used. A DID found not to
 * exist is removed; a failed refresh keeps the old entry. Thread-safe.
 */
public final class CachingDidResolver implements DidResolver {
    public static final Duration DEFAULT_STALE_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_MAX_TTL = Duration.ofDays(1);
    /** Bounds memory: resolutions are triggered by remote input, so the number of distinct DIDs is not ours. */
    static final int MAX_ENTRIES = 50_000;
    private static final System.Logger LOG = System.getLogger(CachingDidResolver.class.getName());

    private record Cached(DidDocument document, Instant fetchedAt) {}

    private final DidResolver source;
    private final InstantSource clock;
    private final Duration staleTtl;
    private final Duration maxTtl;
    private final Executor refresher;
    private final Set<Did> refreshing = ConcurrentHashMap.newKeySet();
    /** Least recently used first; guarded by itself. */
    private final Map<Did, Cached> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Did, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * With the default lifetimes, refreshing stale entries on virtual threads. The clock is only read for
     * instants, so any {@link java.time.Clock} will do.
     */
    public CachingDidResolver(DidResolver source, InstantSource clock) {
        this(source, clock, DEFAULT_STALE_TTL, DEFAULT_MAX_TTL,
                task -> Thread.ofVirtual().name("did-cache-refresh").start(task));
    }

    public CachingDidResolver(DidResolver source, InstantSource clock, Duration staleTtl, Duration maxTtl, Executor refresher) {
        if (staleTtl.compareTo(maxTtl) > 0) throw new IllegalArgumentException("stale TTL must not exceed max TTL");
        this.source = source;
        this.clock = clock;
        this.staleTtl = staleTtl;
        this.maxTtl = maxTtl;
        this.refresher = refresher;
    }

    @Override
    public Optional<DidDocument> resolve(Did did) {
        Optional<Cached> cached = cached(did);
        if (cached.isPresent()) {
            Duration age = Duration.between(cached.get().fetchedAt(), clock.instant());
            if (age.compareTo(maxTtl) <= 0) {
                if (age.compareTo(staleTtl) > 0) refreshInBackground(did);
                return Optional.of(cached.get().document());
            }
        }
        return resolveFresh(did);
    }

    /** From the source; the answer replaces the cached one. */
    @Override
    public Optional<DidDocument> resolveFresh(Did did) {
        Optional<DidDocument> document = source.resolveFresh(did);
        synchronized (entries) {
            if (document.isPresent()) {
                entries.put(did, new Cached(document.get(), clock.instant()));
            } else {
                entries.remove(did);
            }
        }
        return document;
    }

    /** Forgets the DID, for when this server has just changed its document. */
    public void invalidate(Did did) {
        synchronized (entries) {
            entries.remove(did);
        }
    }

    private Optional<Cached> cached(Did did) {
        synchronized (entries) {
            return Optional.ofNullable(entries.get(did));
        }
    }

    private void refreshInBackground(Did did) {
        if (!refreshing.add(did)) return; // one refresh per DID at a time
        try {
            refresher.execute(() -> {
                try {
                    resolveFresh(did);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "refreshing the DID document of did={0} failed: {1}", did, e.getMessage());
                } finally {
                    refreshing.remove(did);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the stale entry is still served, and a later call may try again
            refreshing.remove(did);
        }
    }
}
