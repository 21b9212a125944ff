package org.auroralocus.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it forward, so tests expire tokens without sleeping. */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Starts at the current real time (tokens then look ordinary to any other checker). */
    public static TestClock startingNow() {
        return new TestClock(Instant.now());
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override public Instant instant() {
        return now.get();
    }

    @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override public Clock withZone(ZoneId zone) {
        if (!zone.equals(ZoneOffset.UTC)) throw new UnsupportedOperationException("a TestClock is UTC only");
        return this;
    }
}
