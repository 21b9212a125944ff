package org.auroralocus.atproto.syntax;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The lexicon {@code datetime} format (https://atproto.com/specs/lexicon#datetime): the intersection of RFC 3339,
 * ISO 8601 and WHATWG, i.e. {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}, upper-case {@code T} and
 * {@code Z}, no {@code -00:00}, whole seconds required, any number of fraction digits.
 *
 * <p>Strict: a real calendar date (no month 13, day 0 or April 31), no leap second, and no instant before
 * 0000-01-01T00:00:00Z once the offset is applied (the spec forbids dates before year zero). The far end is
 * left open: {@code 9999-12-31T23:59:59.999-23:59}, which the spec lists as representable, lands in year 10000
 * and is accepted, since the spec and the vectors state only the lower bound. Holding one keeps the original
 * string, which is what records must store: re-formatting an {@link Instant} can change the precision or the
 * offset and with it a record's CID.
 */
public record Datetime(String value) {
    /** Long enough for any sane fraction; bounds the work on hostile input. */
    static final int MAX_LENGTH = 64;
    /** {@code YYYY-MM-DDTHH:MM:SS}, the fixed-position part. */
    private static final int SECONDS_END = 19;
    private static final long MIN_EPOCH_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    public Datetime {
        SyntaxException.check("datetime", value, problem(value));
    }

    public static Datetime parse(String raw) {
        return new Datetime(raw);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The canonical form of an instant, as a value: see {@link #format(Instant)}. */
    public static Datetime of(Instant instant) {
        return new Datetime(format(instant));
    }

    /**
     * The form the spec prefers for new timestamps: UTC, {@code Z}, exactly three fraction digits (truncated,
     * never rounded up into the next millisecond), e.g. {@code 2024-01-02T03:04:05.060Z}. Years outside
     * 0000-9999 have no such form.
     */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) throw new IllegalArgumentException("no atproto datetime for year " + year + ": " + instant);
        char[] out = new char[24];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        out[19] = '.';
        put(out, 20, t.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    /** The instant, to the nanosecond; fraction digits beyond nine are dropped. */
    public Instant toInstant() {
        return instant(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void put(char[] out, int at, int number, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + number % 10);
            number /= 10;
        }
    }

    static Optional<String> problem(String s) {
        if (s == null) return Optional.of("missing");
        int n = s.length();
        if (n > MAX_LENGTH) return Optional.of("longer than " + MAX_LENGTH + " characters");
        if (n < SECONDS_END || !fixedPartShape(s)) {
            return Optional.of("must look like 1985-04-12T23:20:50.123Z (date, upper-case T, time with seconds)");
        }
        int zone = fractionEnd(s);
        if (zone < 0) return Optional.of("a '.' must be followed by fraction digits");
        if (!zoneShape(s, zone)) return Optional.of("needs a timezone: Z or +HH:MM / -HH:MM");
        if (s.endsWith("-00:00")) return Optional.of("\"-00:00\" is not allowed; use Z");
        return semanticProblem(s);
    }

    private static Optional<String> semanticProblem(String s) {
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        if (month < 1 || month > 12) return Optional.of("month " + month + " does not exist");
        if (day < 1 || day > daysInMonth(year, month)) return Optional.of("day " + day + " does not exist in that month");
        if (number(s, 11, 13) > 23) return Optional.of("hour must be 00-23");
        if (number(s, 14, 16) > 59) return Optional.of("minute must be 00-59");
        if (number(s, 17, 19) > 59) return Optional.of("second must be 00-59 (no leap seconds)");
        if (s.charAt(s.length() - 1) != 'Z') {
            if (number(s, s.length() - 5, s.length() - 3) > 23) return Optional.of("offset hours must be 00-23");
            if (number(s, s.length() - 2, s.length()) > 59) return Optional.of("offset minutes must be 00-59");
        }
        if (instant(s).getEpochSecond() < MIN_EPOCH_SECOND) return Optional.of("before year 0000 once in UTC");
        return Optional.empty();
    }

    /** Digits and separators of {@code YYYY-MM-DDTHH:MM:SS}. */
    private static boolean fixedPartShape(String s) {
        return Ascii.digits(s, 0, 4) && s.charAt(4) == '-' && Ascii.digits(s, 5, 7) && s.charAt(7) == '-'
                && Ascii.digits(s, 8, 10) && s.charAt(10) == 'T' && Ascii.digits(s, 11, 13) && s.charAt(13) == ':'
                && Ascii.digits(s, 14, 16) && s.charAt(16) == ':' && Ascii.digits(s, 17, 19);
    }

    /** Where the timezone starts: after the optional fraction; -1 for a '.' without digits. */
    private static int fractionEnd(String s) {
        if (s.length() == SECONDS_END || s.charAt(SECONDS_END) != '.') return SECONDS_END;
        int i = SECONDS_END + 1;
        while (i < s.length() && Ascii.digit(s.charAt(i))) i++;
        return i == SECONDS_END + 1 ? -1 : i;
    }

    /** {@code Z} or {@code ±HH:MM}, and nothing after it. */
    private static boolean zoneShape(String s, int at) {
        int rest = s.length() - at;
        if (rest == 1) return s.charAt(at) == 'Z';
        return rest == 6 && (s.charAt(at) == '+' || s.charAt(at) == '-')
                && Ascii.digits(s, at + 1, at + 3) && s.charAt(at + 3) == ':' && Ascii.digits(s, at + 4, at + 6);
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /**
     * Arithmetic rather than {@link ZoneOffset}: offsets up to ±23:59 are valid here, and ZoneOffset stops at ±18:00.
     * Only for strings whose shape and ranges were checked.
     */
    private static Instant instant(String s) {
        long days = LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10)).toEpochDay();
        long seconds = days * 86_400 + number(s, 11, 13) * 3_600L + number(s, 14, 16) * 60L + number(s, 17, 19);
        int zone = fractionEnd(s);
        int nanos = 0;
        for (int i = SECONDS_END + 1, scale = 100_000_000; i < zone && scale > 0; i++, scale /= 10) {
            nanos += (s.charAt(i) - '0') * scale;
        }
        if (s.charAt(zone) != 'Z') {
            int offset = number(s, zone + 1, zone + 3) * 3_600 + number(s, zone + 4, zone + 6) * 60;
            seconds -= s.charAt(zone) == '+' ? offset : -offset;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) value = value * 10 + (s.charAt(i) - '0');
        return value;
    }
}
