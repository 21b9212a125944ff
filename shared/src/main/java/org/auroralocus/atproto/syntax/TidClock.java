package org.auroralocus.atproto.syntax;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues strictly increasing {@link Tid}s from a clock and a fixed clock id (https://atproto.com/specs/tid).
 *
 * <p>TIDs name records and repository revisions, and a revision that is not greater than the previous one
 * breaks sync. So a TID never repeats or goes backwards, even when the clock stalls (several TIDs in one
 * microsecond, or a millisecond-precision clock) or steps back (NTP corrections): the timestamp is then the
 * previous one plus one microsecond, and catches up with the clock once the clock passes it again.
 * Thread-safe and lock-free.
 */
public final class TidClock {
    private final Clock clock;
    private final int clockId;
    /** The timestamp (microseconds) of the last TID issued; -1 before the first. */
    private final AtomicLong last = new AtomicLong(-1);

    /**
     * @param clockId 0 to 1023; the spec asks for a random one per generator, so that two processes issuing TIDs
     *     for the same repository are unlikely to collide
     */
    public TidClock(Clock clock, int clockId) {
        if (clockId < 0 || clockId > Tid.MAX_CLOCK_ID) throw new IllegalArgumentException("TID clock id out of range: " + clockId);
        this.clock = clock;
        this.clockId = clockId;
    }

    /** A TID greater than every TID this clock issued or {@linkplain #advancePast saw} before. */
    public Tid next() {
        long now = micros(clock.instant());
        long micros = last.accumulateAndGet(now, (previous, current) -> Math.max(previous + 1, current));
        return Tid.of(micros, clockId);
    }

    /**
     * Makes every later {@link #next()} greater than {@code seen} whatever its clock id, e.g. the last revision
     * of a repository read back after a restart whose clock is behind the one that wrote it.
     */
    public void advancePast(Tid seen) {
        long micros = seen.timestampMicros();
        // a parsed TID can exceed what of() writes; fail here rather than on every later next()
        if (micros >= Tid.MAX_MICROS) throw new IllegalArgumentException("TID timestamp beyond the 53-bit range: " + seen);
        last.accumulateAndGet(micros, Math::max);
    }

    /** Clocks before 1970 give a negative value, which {@link #next()} lifts to the previous TID plus one. */
    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
