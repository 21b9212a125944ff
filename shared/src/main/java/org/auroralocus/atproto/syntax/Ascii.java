package org.auroralocus.atproto.syntax;

/**
 * ASCII character classes. Every identifier here is ASCII-only, and {@link Character#isLetter} would
 * accept {@code ü} or {@code ł}, which the vectors reject.
 */
final class Ascii {
    private Ascii() {}

    static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean alnum(char c) {
        return letter(c) || digit(c);
    }

    /** True when every char in {@code [from, to)} is a letter or digit. */
    static boolean alnum(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!alnum(s.charAt(i))) return false;
        }
        return true;
    }

    static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!letter(s.charAt(i))) return false;
        }
        return true;
    }

    static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!digit(s.charAt(i))) return false;
        }
        return true;
    }
}
