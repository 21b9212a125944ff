package org.auroralocus.atproto.syntax;

import java.util.Optional;

/**
 * A timestamp identifier (https://atproto.com/specs/tid): a 64-bit integer written as 13 characters of
 * base32-sortable ({@code 234567abcdefghijklmnopqrstuvwxyz}), most significant first. The integer is 53 bits of
 * microseconds since the UNIX epoch followed by a 10-bit clock id. Because the alphabet is in ASCII order and the
 * length is fixed, string order is numeric order, which {@link #compareTo} relies on.
 */
public record Tid(String value) implements Comparable<Tid> {
    static final int LENGTH = 13;
    static final long MAX_MICROS = (1L << 53) - 1;
    static final int MAX_CLOCK_ID = (1 << 10) - 1;
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    public Tid {
        SyntaxException.check("TID", value, problem(value));
    }

    public static Tid parse(String raw) {
        return new Tid(raw);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The TID for a timestamp (0 to 2^53-1 microseconds since the epoch) and a clock id (0 to 1023). */
    public static Tid of(long micros, int clockId) {
        if (micros < 0 || micros > MAX_MICROS) throw new IllegalArgumentException("TID timestamp out of range: " + micros);
        if (clockId < 0 || clockId > MAX_CLOCK_ID) throw new IllegalArgumentException("TID clock id out of range: " + clockId);
        long bits = micros << 10 | clockId;
        char[] chars = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new Tid(new String(chars));
    }

    /**
     * Microseconds since the epoch. The syntax lets the first character go up to {@code j}, one bit more than
     * {@link #of} writes, so a parsed TID can yield up to 2^54-1 here.
     */
    public long timestampMicros() {
        return bits() >>> 10;
    }

    public int clockId() {
        return (int) (bits() & MAX_CLOCK_ID);
    }

    @Override
    public int compareTo(Tid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private long bits() {
        long bits = 0;
        for (int i = 0; i < LENGTH; i++) bits = bits << 5 | digit(value.charAt(i));
        return bits;
    }

    /** The base32-sortable value of a character, or -1. */
    private static int digit(char c) {
        if (c >= '2' && c <= '7') return c - '2';
        if (c >= 'a' && c <= 'z') return c - 'a' + 6;
        return -1;
    }

    /** 13 base32-sortable characters; the first at most {@code j} (value 15), so the integer fits in 64 bits. */
    static Optional<String> problem(String s) {
        if (s == null) return Optional.of("missing");
        if (s.length() != LENGTH) return Optional.of("must be " + LENGTH + " characters");
        for (int i = 0; i < LENGTH; i++) {
            if (digit(s.charAt(i)) < 0) return Optional.of("character '" + s.charAt(i) + "' is not base32-sortable");
        }
        if (digit(s.charAt(0)) > 15) return Optional.of("the first character must be one of 234567abcdefghij");
        return Optional.empty();
    }
}
