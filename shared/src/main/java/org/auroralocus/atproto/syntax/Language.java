package org.auroralocus.atproto.syntax;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lexicon {@code language} format (https://atproto.com/specs/lexicon#language): a BCP 47 language tag
 * (RFC 5646), such as {@code ja}, {@code pt-BR} or {@code hy-Latn-IT-arevela}.
 *
 * <p>Two levels, as the spec asks. {@link #isWellFormed} is the RFC 5646 §2.1 grammar, which lexicon
 * validation requires. {@link #parse} (and holding a {@code Language}) is stricter: no repeated variant or
 * extension singleton (RFC 5646 §2.2.5, §2.2.6, compared case-insensitively), the checks that make a tag "valid"
 * without a subtag registry. One deliberate narrowing of the grammar, which the interop vectors require
 * ({@code JA} and {@code jaja} are invalid): the primary language subtag must be a lower-case 2 or 3 letter
 * ISO 639 code, as the spec describes; the RFC's reserved 4-letter and registered 5-8 letter forms are rejected.
 */
public record Language(String value) {
    /**
     * RFC 5646 "irregular" grandfathered tags, which the grammar cannot produce. The "regular" ones
     * ({@code zh-hakka}, {@code no-bok}, ...) already parse as ordinary tags.
     */
    private static final Set<String> IRREGULAR = Set.of(
            "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
            "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de");
    private static final int LONGEST_IRREGULAR = 10;

    public Language {
        SyntaxException.check("language tag", value, problem(value, true));
    }

    public static Language parse(String raw) {
        return new Language(raw);
    }

    /** Well-formed and without repeated subtags: what {@link #parse} accepts. */
    public static boolean isValid(String raw) {
        return problem(raw, true).isEmpty();
    }

    /** The grammar only; what a lexicon {@code language} field must satisfy. */
    public static boolean isWellFormed(String raw) {
        return problem(raw, false).isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }

    static Optional<String> problem(String s, boolean strict) {
        if (s == null) return Optional.of("missing");
        if (s.length() <= LONGEST_IRREGULAR && IRREGULAR.contains(s.toLowerCase(Locale.ROOT))) return Optional.empty();
        String[] subtags = s.split("-", -1);
        if (subtags[0].equalsIgnoreCase("x")) {
            return privateUseEnd(subtags, 1) == subtags.length ? Optional.empty() : Optional.of("malformed private-use tag");
        }
        if (!isPrimaryLanguage(subtags[0])) {
            return Optional.of("must start with a lower-case 2 or 3 letter ISO 639 language code");
        }
        return new Scan(subtags, strict).rest();
    }

    private static boolean isPrimaryLanguage(String t) {
        if (t.length() < 2 || t.length() > 3) return false;
        for (int i = 0; i < t.length(); i++) {
            if (!Ascii.lower(t.charAt(i))) return false;
        }
        return true;
    }

    /** {@code x} followed by one or more 1-8 alphanumeric subtags: returns the index after them, or -1. */
    private static int privateUseEnd(String[] subtags, int from) {
        int i = from;
        while (i < subtags.length && isAlnum(subtags[i], 1, 8)) i++;
        return i == from ? -1 : i;
    }

    private static boolean isAlnum(String t, int min, int max) {
        return t.length() >= min && t.length() <= max && Ascii.alnum(t, 0, t.length());
    }

    /** The subtags after the primary language, in the grammar's order; one scan per tag. */
    private static final class Scan {
        private final String[] subtags;
        private final boolean strict;
        private int i = 1;

        Scan(String[] subtags, boolean strict) {
            this.subtags = subtags;
            this.strict = strict;
        }

        Optional<String> rest() {
            for (int extlangs = 0; extlangs < 3 && at(3, 3) && Ascii.letters(subtags[i], 0, 3); extlangs++) i++;
            if (at(4, 4) && Ascii.letters(subtags[i], 0, 4)) i++;
            if (at(2, 2) && Ascii.letters(subtags[i], 0, 2) || at(3, 3) && Ascii.digits(subtags[i], 0, 3)) i++;
            Optional<String> problem = variants();
            if (problem.isEmpty()) problem = extensions();
            if (problem.isPresent()) return problem;
            if (i < subtags.length && subtags[i].equalsIgnoreCase("x")) {
                i = privateUseEnd(subtags, i + 1);
                if (i < 0) return Optional.of("\"x\" must be followed by private-use subtags");
            }
            if (i < subtags.length) return Optional.of("subtag \"" + subtags[i] + "\" is not allowed there");
            return Optional.empty();
        }

        /** 5-8 alphanumerics, or a digit and 3 alphanumerics. */
        private Optional<String> variants() {
            Set<String> seen = null;
            while (i < subtags.length && isVariant(subtags[i])) {
                if (strict) {
                    if (seen == null) seen = new HashSet<>();
                    if (!seen.add(subtags[i].toLowerCase(Locale.ROOT))) {
                        return Optional.of("variant \"" + subtags[i] + "\" is repeated");
                    }
                }
                i++;
            }
            return Optional.empty();
        }

        /** A singleton (any alphanumeric but x) and one or more 2-8 alphanumeric subtags, repeated. */
        private Optional<String> extensions() {
            long singletons = 0;
            while (at(1, 1) && Ascii.alnum(subtags[i].charAt(0)) && !subtags[i].equalsIgnoreCase("x")) {
                char singleton = Character.toLowerCase(subtags[i].charAt(0));
                long bit = 1L << (Ascii.digit(singleton) ? singleton - '0' : singleton - 'a' + 10);
                if (strict && (singletons & bit) != 0) return Optional.of("extension \"" + singleton + "\" is repeated");
                singletons |= bit;
                int start = ++i;
                while (i < subtags.length && isAlnum(subtags[i], 2, 8)) i++;
                if (i == start) return Optional.of("extension \"" + singleton + "\" has no subtags");
            }
            return Optional.empty();
        }

        private static boolean isVariant(String t) {
            return isAlnum(t, 5, 8) || t.length() == 4 && Ascii.digit(t.charAt(0)) && Ascii.alnum(t, 1, 4);
        }

        /** The current subtag exists and has a length in {@code [min, max]}. */
        private boolean at(int min, int max) {
            return i < subtags.length && subtags[i].length() >= min && subtags[i].length() <= max;
        }
    }
}
