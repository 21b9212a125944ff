package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TidTest {
    @Test
    void zeroIsAllTwos() {
        // https://atproto.com/specs/tid: "The TID corresponding to integer zero is 2222222222222"
        assertEquals("2222222222222", Tid.of(0, 0).value());
    }

    @Test
    void knownTimestampHasKnownTid() {
        long micros = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli() * 1_000;
        // computed independently: (micros << 10 | clockId) in base32-sortable
        assertEquals("3jl7442uk2222", Tid.of(micros, 0).value());
        assertEquals("3jl7442uk22zz", Tid.of(micros, 1023).value());
    }

    @Test
    void specExampleDecodesToItsTimestampAndClockId() {
        Tid tid = Tid.parse("3jzfcijpj2z2a");
        assertEquals(1_688_137_381_887_007L, tid.timestampMicros());
        assertEquals(6, tid.clockId());
    }

    @Test
    void timestampAndClockIdRoundTrip() {
        long[] micros = {0, 1, 1_700_000_000_123_456L, Tid.MAX_MICROS};
        int[] clockIds = {0, 1, 512, 1023};
        for (long m : micros) {
            for (int c : clockIds) {
                Tid tid = Tid.of(m, c);
                assertEquals(m, tid.timestampMicros(), tid.value());
                assertEquals(c, tid.clockId(), tid.value());
                assertEquals(tid, Tid.parse(tid.value()));
            }
        }
    }

    @Test
    void stringOrderIsTimeOrder() {
        Tid earlier = Tid.of(1_000_000, 1023);
        Tid later = Tid.of(1_000_001, 0);
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(later.compareTo(earlier) > 0);
        assertEquals(0, earlier.compareTo(Tid.parse(earlier.value())));
    }

    @Test
    void ofRejectsOutOfRangeParts() {
        assertThrows(IllegalArgumentException.class, () -> Tid.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Tid.of(Tid.MAX_MICROS + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Tid.of(0, 1024));
        assertThrows(IllegalArgumentException.class, () -> Tid.of(0, -1));
    }

    @Test
    void firstCharacterUpToJParsesBeyondTheFiftyThreeBitRange() {
        Tid tid = Tid.parse("jzzzzzzzzzzzz");
        assertEquals((1L << 54) - 1, tid.timestampMicros());
        assertEquals(1023, tid.clockId());
    }

    @Test
    void rejectsUpperCaseWithAReason() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Tid.parse("3JZFCIJPJ2Z2A"));
        assertTrue(e.getMessage().contains("base32-sortable"), e.getMessage());
    }
}
