package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TidClockTest {
    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final long T0_MICROS = 1_714_979_289_123_456L;

    @Test
    void firstTidCarriesTheClockTimeAndClockId() {
        Tid tid = new TidClock(Clock.fixed(T0, ZoneOffset.UTC), 42).next();
        assertEquals(T0_MICROS, tid.timestampMicros());
        assertEquals(42, tid.clockId());
    }

    @Test
    void frozenClockStillGivesIncreasingTids() {
        TidClock tids = new TidClock(Clock.fixed(T0, ZoneOffset.UTC), 7);
        Tid previous = tids.next();
        for (int i = 1; i < 1_000; i++) {
            Tid next = tids.next();
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            assertEquals(T0_MICROS + i, next.timestampMicros());
            previous = next;
        }
    }

    @Test
    void backwardsClockNeverGoesBackAndCatchesUpLater() {
        SettableClock clock = new SettableClock(T0);
        TidClock tids = new TidClock(clock, 0);
        Tid before = tids.next();

        clock.set(T0.minus(Duration.ofHours(1)));
        Tid afterStepBack = tids.next();
        assertTrue(afterStepBack.compareTo(before) > 0, before + " then " + afterStepBack);
        assertEquals(T0_MICROS + 1, afterStepBack.timestampMicros());

        clock.set(T0.plusSeconds(1));
        assertEquals(T0_MICROS + 1_000_000, tids.next().timestampMicros());
    }

    @Test
    void advancePastMakesLaterTidsGreaterThanOneSeenElsewhere() {
        TidClock tids = new TidClock(Clock.fixed(T0, ZoneOffset.UTC), 0);
        Tid seen = Tid.of(T0_MICROS + 5_000_000, 1023);
        tids.advancePast(seen);
        assertTrue(tids.next().compareTo(seen) > 0);
    }

    @Test
    void advancePastRefusesATidNoLaterTidCouldExceed() {
        TidClock tids = new TidClock(Clock.fixed(T0, ZoneOffset.UTC), 0);
        assertThrows(IllegalArgumentException.class, () -> tids.advancePast(Tid.parse("jzzzzzzzzzzzz")));
        assertEquals(T0_MICROS, tids.next().timestampMicros());
    }

    @Test
    void concurrentCallersNeverGetTheSameTid() throws Exception {
        TidClock tids = new TidClock(Clock.fixed(T0, ZoneOffset.UTC), 1);
        int perThread = 2_000;
        List<Future<List<Tid>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<Tid> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) mine.add(tids.next());
                    return mine;
                }));
            }
            Set<Tid> all = new HashSet<>();
            for (Future<List<Tid>> r : results) {
                List<Tid> mine = r.get();
                for (int i = 1; i < mine.size(); i++) assertTrue(mine.get(i).compareTo(mine.get(i - 1)) > 0);
                all.addAll(mine);
            }
            assertEquals(8 * perThread, all.size());
        }
    }

    @Test
    void rejectsClockIdOutsideTenBits() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class, () -> new TidClock(clock, 1024));
        assertThrows(IllegalArgumentException.class, () -> new TidClock(clock, -1));
    }

    /** A clock the test moves by hand, in both directions. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
