package org.auroralocus.atproto.syntax;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A handle (https://atproto.com/specs/handle): a hostname of at least two labels whose last label (the TLD)
 * starts with a letter. Holding one means the syntax is valid, in the case it was written in; handles are
 * case-insensitive, so compare and store {@link #normalized()} forms. Syntax validity does not make a handle
 * usable: see {@link #hasAllowedTld()}.
 */
public record Handle(String value) implements AtIdentifier {
    static final int MAX_LENGTH = 253;

    /**
     * The spec's "initial list of disallowed TLDs": syntactically valid (lexicon validation must accept them),
     * but registration and resolution must fail. {@code .test} is deliberately absent: the spec allows it in
     * development.
     */
    private static final Set<String> DISALLOWED_TLDS =
            Set.of("alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion");

    /** The special value that API responses use for an account without a bidirectionally verified handle. */
    public static final Handle INVALID = new Handle("handle.invalid");

    public Handle {
        SyntaxException.check("handle", value, problem(value));
    }

    public static Handle parse(String raw) {
        return new Handle(raw);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The lower-case form, the only one to store, compare, or send (handles are case-insensitive). */
    public Handle normalized() {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals(value) ? this : new Handle(lower);
    }

    /**
     * False when the TLD is one the spec disallows for real use ({@code .local}, {@code .arpa}, {@code .onion},
     * {@code .invalid}, ...): such a handle must fail registration and resolution even though its syntax is
     * valid. {@link #INVALID} itself fails this check.
     */
    public boolean hasAllowedTld() {
        String tld = value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return !DISALLOWED_TLDS.contains(tld);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The spec's reference pattern, as a scanner: labels, at least two of them, the TLD starting with a letter. */
    static Optional<String> problem(String s) {
        if (s == null) return Optional.of("missing");
        int n = s.length();
        if (n > MAX_LENGTH) return Optional.of("longer than " + MAX_LENGTH + " characters");
        int labels = DnsLabel.count(s, n);
        if (labels < 0) {
            return Optional.of("each dot-separated label must be 1-63 ASCII letters, digits or hyphens,"
                    + " not starting or ending with a hyphen");
        }
        if (labels < 2) return Optional.of("needs at least two labels (a bare TLD is not a handle)");
        if (!Ascii.letter(s.charAt(s.lastIndexOf('.') + 1))) {
            return Optional.of("the last label (TLD) must start with a letter");
        }
        return Optional.empty();
    }
}
