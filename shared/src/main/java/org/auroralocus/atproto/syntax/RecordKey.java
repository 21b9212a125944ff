package org.auroralocus.atproto.syntax;

import java.util.Optional;

/**
 * A record key (https://atproto.com/specs/record-key), the last segment of a record's AT URI and of its MST
 * path: 1 to 512 of {@code A-Za-z0-9 . - _ : ~}, case-sensitive, never {@code .} or {@code ..} (they would be
 * path traversal in a URI). This is the generic "any" syntax; a lexicon may ask for more ({@code tid},
 * {@code nsid}, {@code literal:self}).
 */
public record RecordKey(String value) {
    static final int MAX_LENGTH = 512;

    public RecordKey {
        SyntaxException.check("record key", value, problem(value));
    }

    public static RecordKey parse(String raw) {
        return new RecordKey(raw);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The key for a TID-keyed record, the most common scheme. */
    public static RecordKey of(Tid tid) {
        return new RecordKey(tid.value());
    }

    @Override
    public String toString() {
        return value;
    }

    static Optional<String> problem(String s) {
        if (s == null) return Optional.of("missing");
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH) return Optional.of("must be 1-" + MAX_LENGTH + " characters");
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Ascii.alnum(c) && c != '.' && c != '-' && c != '_' && c != ':' && c != '~') {
                return Optional.of("character '" + c + "' is not allowed");
            }
        }
        if (s.equals(".") || s.equals("..")) return Optional.of("\".\" and \"..\" are not record keys");
        return Optional.empty();
    }
}
