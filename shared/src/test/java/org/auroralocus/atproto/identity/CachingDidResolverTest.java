package org.auroralocus.atproto.identity;

import static org.auroralocus.atproto.identity.DidDocumentTest.PLC_DID;
import static org.auroralocus.atproto.identity.DidDocumentTest.plcDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.identity.IdentityException.Reason;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.api.Test;

class CachingDidResolverTest {
    private static final Did DID = Did.parse(PLC_DID);
    private static final DidDocument OLD = DidDocument.parse(plcDocument(PLC_DID, "old.example.com", "https://pds.example.com"));
    private static final DidDocument NEW = DidDocument.parse(plcDocument(PLC_DID, "new.example.com", "https://pds.example.com"));

    /** The source's answers, changed by the test; counts calls. */
    private static final class Source implements DidResolver {
        final AtomicInteger calls = new AtomicInteger();
        Optional<DidDocument> answer = Optional.of(OLD);
        RuntimeException failure;

        @Override
        public Optional<DidDocument> resolve(Did did) {
            calls.incrementAndGet();
            if (failure != null) throw failure;
            return answer;
        }
    }

    private final Source source = new Source();
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    /** Background refreshes wait here until the test runs them. */
    private final Queue<Runnable> refreshes = new ArrayDeque<>();
    private final CachingDidResolver cache = new CachingDidResolver(source, () -> now,
            CachingDidResolver.DEFAULT_STALE_TTL, CachingDidResolver.DEFAULT_MAX_TTL, refreshes::add);

    /** Caches OLD, then the source changes to NEW and time passes. */
    private void cachedThenChangedAfter(Duration later) {
        cache.resolve(DID);
        source.answer = Optional.of(NEW);
        now = now.plus(later);
    }

    private void runRefreshes() {
        while (!refreshes.isEmpty()) refreshes.remove().run();
    }

    @Test
    void freshEntryIsServedFromTheCache() {
        cachedThenChangedAfter(Duration.ofMinutes(59));

        assertEquals(Optional.of(OLD), cache.resolve(DID));
        assertEquals(1, source.calls.get());
        assertEquals(0, refreshes.size());
    }

    @Test
    void staleEntryIsServedAndRefreshedInTheBackground() {
        cachedThenChangedAfter(Duration.ofMinutes(61));

        assertEquals(Optional.of(OLD), cache.resolve(DID));
        assertEquals(Optional.of(OLD), cache.resolve(DID)); // one refresh queued, not two
        assertEquals(1, refreshes.size());

        runRefreshes();

        assertEquals(Optional.of(NEW), cache.resolve(DID));
        assertEquals(2, source.calls.get());
    }

    @Test
    void expiredEntryIsResolvedAgainBeforeAnswering() {
        cachedThenChangedAfter(Duration.ofDays(1).plusSeconds(1));

        assertEquals(Optional.of(NEW), cache.resolve(DID));
        assertEquals(2, source.calls.get());
        assertEquals(0, refreshes.size());
    }

    @Test
    void entryAtExactlyMaxAgeIsStillUsed() {
        cache.resolve(DID);
        now = now.plus(Duration.ofDays(1));

        assertEquals(Optional.of(OLD), cache.resolve(DID));
        assertEquals(1, source.calls.get());
    }

    @Test
    void didThatStoppedExistingIsForgotten() {
        cache.resolve(DID);
        source.answer = Optional.empty();
        now = now.plus(Duration.ofHours(2));
        cache.resolve(DID);
        runRefreshes();
        source.answer = Optional.of(NEW);

        assertEquals(Optional.of(NEW), cache.resolve(DID));
        assertEquals(3, source.calls.get());
    }

    @Test
    void failedRefreshKeepsTheStaleEntry() {
        cache.resolve(DID);
        source.failure = new IdentityException(Reason.UNAVAILABLE, "directory down");
        now = now.plus(Duration.ofHours(2));
        cache.resolve(DID);
        runRefreshes();

        assertEquals(Optional.of(OLD), cache.resolve(DID));
    }

    @Test
    void failureWithoutUsableEntryReachesTheCaller() {
        source.failure = new IdentityException(Reason.UNAVAILABLE, "directory down");

        assertThrows(IdentityException.class, () -> cache.resolve(DID));
    }

    @Test
    void resolveFreshBypassesTheCacheAndUpdatesIt() {
        cache.resolve(DID);
        source.answer = Optional.of(NEW);

        assertEquals(Optional.of(NEW), cache.resolveFresh(DID));
        assertEquals(Optional.of(NEW), cache.resolve(DID));
        assertEquals(2, source.calls.get());
    }

    @Test
    void invalidatedEntryIsResolvedAgain() {
        cache.resolve(DID);
        source.answer = Optional.of(NEW);
        cache.invalidate(DID);

        assertEquals(Optional.of(NEW), cache.resolve(DID));
    }

    @Test
    void notFoundIsNotCached() {
        source.answer = Optional.empty();
        cache.resolve(DID);
        cache.resolve(DID);

        assertEquals(2, source.calls.get());
    }
}
