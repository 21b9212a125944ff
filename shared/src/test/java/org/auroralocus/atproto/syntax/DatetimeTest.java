package org.auroralocus.atproto.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatetimeTest {
    @Test
    void zuluInstant() {
        assertEquals(Instant.parse("1985-04-12T23:20:50.123Z"), Datetime.parse("1985-04-12T23:20:50.123Z").toInstant());
    }

    @Test
    void offsetIsAppliedToTheInstant() {
        assertEquals(Instant.parse("1985-04-13T06:20:50.123Z"), Datetime.parse("1985-04-12T23:20:50.123-07:00").toInstant());
        assertEquals(Instant.parse("1985-04-12T21:35:50Z"), Datetime.parse("1985-04-12T23:20:50+01:45").toInstant());
    }

    @Test
    void offsetsBeyondEighteenHoursAreValid() {
        // the spec's largest representable datetime; java.time.ZoneOffset stops at +-18:00
        Datetime largest = Datetime.parse("9999-12-31T23:59:59.999-23:59");
        assertEquals(Instant.parse("+10000-01-01T23:58:59.999Z"), largest.toInstant());
    }

    @Test
    void fractionBeyondNanosecondsIsTruncated() {
        assertEquals(Instant.parse("1985-04-12T23:20:50.123567891Z"),
                Datetime.parse("1985-04-12T23:20:50.1235678912345Z").toInstant());
    }

    @Test
    void keepsTheOriginalString() {
        assertEquals("1985-04-12T23:20:50.12Z", Datetime.parse("1985-04-12T23:20:50.12Z").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "1985-04-31T00:00:00Z",
            "1985-04-12T23:59:60Z", "1985-04-12T23:20:50+24:00", "1985-04-12T23:20:50+01:60"})
    void impossibleCalendarValuesAreRejected(String raw) {
        assertFalse(Datetime.isValid(raw));
        assertThrows(SyntaxException.class, () -> Datetime.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-02-29T00:00:00Z", "2024-02-29T12:00:00.000Z", "0000-02-29T00:00:00Z"})
    void leapDaysAreAccepted(String raw) {
        assertTrue(Datetime.isValid(raw));
    }

    @Test
    void yearZeroIsTheFloorAfterTheOffset() {
        assertTrue(Datetime.isValid("0000-01-01T00:00:00-01:00"));
        assertFalse(Datetime.isValid("0000-01-01T00:30:00+01:00"));
    }

    @Test
    void formatIsUtcWithExactlyThreeFractionDigits() {
        assertEquals("1970-01-01T00:00:00.000Z", Datetime.format(Instant.EPOCH));
        assertEquals("1985-04-12T23:20:50.120Z", Datetime.format(Instant.parse("1985-04-12T23:20:50.12Z")));
        assertEquals("0001-02-03T04:05:06.007Z", Datetime.format(Instant.parse("0001-02-03T04:05:06.007Z")));
    }

    @Test
    void formatTruncatesInsteadOfRoundingUp() {
        assertEquals("1999-12-31T23:59:59.999Z", Datetime.format(Instant.parse("1999-12-31T23:59:59.999999999Z")));
    }

    @Test
    void formattedValueParsesBackToTheMillisecond() {
        Instant now = Instant.parse("2025-06-07T08:09:10.111222Z");
        Datetime datetime = Datetime.of(now);
        assertEquals(Instant.parse("2025-06-07T08:09:10.111Z"), datetime.toInstant());
        assertEquals(datetime, Datetime.parse(datetime.value()));
    }

    @Test
    void formatRefusesYearsWithoutAFourDigitForm() {
        assertThrows(IllegalArgumentException.class, () -> Datetime.format(Instant.parse("+10000-01-01T00:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> Datetime.format(Instant.parse("-0001-12-31T23:59:59Z")));
    }

    @Test
    void missingTimezoneIsNamedInTheError() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Datetime.parse("1985-04-12T23:20:50"));
        assertTrue(e.getMessage().contains("timezone"), e.getMessage());
    }
}
