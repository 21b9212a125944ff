package org.auroralocus.atproto.syntax;

import java.util.Optional;

/**
 * A namespaced identifier (https://atproto.com/specs/nsid), such as {@code com.atproto.repo.getRecord}: a domain
 * authority in reverse order ({@code com.atproto.repo}) and a name ({@code getRecord}). Case-sensitive; never
 * lower-cased.
 */
public record Nsid(String value) {
    static final int MAX_LENGTH = 317;
    static final int MAX_NAME_LENGTH = 63;

    public Nsid {
        SyntaxException.check("NSID", value, problem(value));
    }

    public static Nsid parse(String raw) {
        return new Nsid(raw);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The domain authority as written in the NSID, e.g. {@code com.atproto.repo}. */
    public String authority() {
        return value.substring(0, value.lastIndexOf('.'));
    }

    /** The authority as a hostname, e.g. {@code repo.atproto.com}: where its lexicons are published. */
    public String authorityDomain() {
        String[] labels = authority().split("\\.");
        StringBuilder domain = new StringBuilder(value.length());
        for (int i = labels.length - 1; i >= 0; i--) {
            domain.append(labels[i]);
            if (i > 0) domain.append('.');
        }
        return domain.toString();
    }

    /** The final segment, e.g. {@code getRecord}. */
    public String name() {
        return value.substring(value.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Two or more authority labels (hostname rules, the first one starting with a letter because it is the TLD),
     * then a name: a letter followed by letters and digits, at most 63. The spec prose also caps the authority
     * at 253 characters, but the interop vectors accept a 283-character authority, so only the overall
     * 317-character limit applies.
     */
    static Optional<String> problem(String s) {
        if (s == null) return Optional.of("missing");
        int n = s.length();
        if (n > MAX_LENGTH) return Optional.of("longer than " + MAX_LENGTH + " characters");
        int nameStart = s.lastIndexOf('.') + 1;
        if (nameStart == 0) return Optional.of("needs at least three dot-separated segments");
        int labels = DnsLabel.count(s, nameStart - 1);
        if (labels < 0) {
            return Optional.of("each authority segment must be 1-63 ASCII letters, digits or hyphens,"
                    + " not starting or ending with a hyphen");
        }
        if (labels < 2) return Optional.of("needs at least three dot-separated segments");
        if (!Ascii.letter(s.charAt(0))) return Optional.of("the first segment must start with a letter");
        int nameLength = n - nameStart;
        if (nameLength == 0 || nameLength > MAX_NAME_LENGTH) return Optional.of("the name must be 1-63 characters");
        if (!Ascii.letter(s.charAt(nameStart)) || !Ascii.alnum(s, nameStart, n)) {
            return Optional.of("the name must be ASCII letters and digits, starting with a letter");
        }
        return Optional.empty();
    }
}
