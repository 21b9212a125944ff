package org.auroralocus.atproto.lexicon;

import java.text.BreakIterator;
import java.util.Optional;

/**
 * The two lengths lexicon strings are limited by: UTF-8 bytes ({@code maxLength}) and extended
 * grapheme clusters ({@code maxGraphemes}, https://unicode.org/reports/tr29/), counted without
 * copying the string, and only when the UTF-16 length does not already decide the limit (UTF-8
 * needs at most 3 bytes per UTF-16 unit, and a grapheme holds at least one unit). One instance per
 * validation: a BreakIterator is not thread-safe, and making one per string costs more than most
 * counts.
 */
final class StringLengths {
    private BreakIterator graphemes;

    /** The length of {@code s} in UTF-8, with unpaired surrogates counted as the 3 bytes of U+FFFD. */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // four bytes for the two chars of the pair
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /**
     * The number of extended grapheme clusters in {@code s}: what a reader sees as one character,
     * such as a flag or an emoji joined with zero-width joiners. The JDK's character break
     * iterator follows the extended rules since Java 20.
     */
    int graphemeCount(String s) {
        if (graphemes == null) graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(s);
        int count = 0;
        while (graphemes.next() != BreakIterator.DONE) count++;
        return count;
    }

    /** The first length problem of {@code s}, in the official order (bytes first, minimum first), or empty. */
    Optional<String> problem(LexString def, String s) {
        int utf8 = -1;
        if (def.minLength().isPresent()) {
            utf8 = utf8Length(s);
            if (utf8 < def.minLength().getAsInt()) return Optional.of(Issues.tooSmall("string", def.minLength().getAsInt(), utf8));
        }
        if (def.maxLength().isPresent() && (long) s.length() * 3 > def.maxLength().getAsInt()) {
            if (utf8 < 0) utf8 = utf8Length(s);
            if (utf8 > def.maxLength().getAsInt()) return Optional.of(Issues.tooBig("string", def.maxLength().getAsInt(), utf8));
        }
        int graphemes = -1;
        if (def.minGraphemes().isPresent()) {
            int min = def.minGraphemes().getAsInt();
            if (s.length() < min) return Optional.of(Issues.tooSmall("grapheme", min, s.length()));
            graphemes = graphemeCount(s);
            if (graphemes < min) return Optional.of(Issues.tooSmall("grapheme", min, graphemes));
        }
        if (def.maxGraphemes().isPresent() && s.length() > def.maxGraphemes().getAsInt()) {
            if (graphemes < 0) graphemes = graphemeCount(s);
            if (graphemes > def.maxGraphemes().getAsInt()) {
                return Optional.of(Issues.tooBig("grapheme", def.maxGraphemes().getAsInt(), graphemes));
            }
        }
        return Optional.empty();
    }
}
