package org.auroralocus.atproto.syntax;

import java.util.Optional;

/**
 * A DID (https://atproto.com/specs/did). Holding one means it passed the generic atproto DID syntax
 * ({@code did:<method>:<id>}); whether the method is one atproto supports is a separate question
 * ({@link #isPlc()}, {@link #isWeb()}), because lexicon validation must accept any method.
 */
public record Did(String value) implements AtIdentifier {
    /** The spec's initial hard limit for atproto; DID Core itself has none. */
    static final int MAX_LENGTH = 2048;
    private static final String PREFIX = "did:";

    public Did {
        SyntaxException.check("DID", value, problem(value));
    }

    public static Did parse(String raw) {
        return new Did(raw);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** The method name, e.g. {@code plc} for {@code did:plc:...}. */
    public String method() {
        return value.substring(PREFIX.length(), methodEnd());
    }

    /** Everything after the method and its colon, e.g. the hostname of a {@code did:web}. */
    public String methodSpecificId() {
        return value.substring(methodEnd() + 1);
    }

    public boolean isPlc() {
        return value.startsWith("did:plc:");
    }

    public boolean isWeb() {
        return value.startsWith("did:web:");
    }

    @Override
    public String toString() {
        return value;
    }

    private int methodEnd() {
        return value.indexOf(':', PREFIX.length());
    }

    /**
     * The spec's reference pattern {@code did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]} plus the length limit.
     * Percent escapes are not decoded or checked for hex digits: the spec leaves that to resolution.
     */
    static Optional<String> problem(String s) {
        if (s == null) return Optional.of("missing");
        int n = s.length();
        if (n > MAX_LENGTH) return Optional.of("longer than " + MAX_LENGTH + " characters");
        if (!s.startsWith(PREFIX)) return Optional.of("must start with \"did:\"");
        int i = PREFIX.length();
        while (i < n && Ascii.lower(s.charAt(i))) i++;
        if (i == PREFIX.length() || i == n || s.charAt(i) != ':') {
            return Optional.of("the method must be lower-case letters followed by ':'");
        }
        int idStart = i + 1;
        if (idStart == n) return Optional.of("the method-specific identifier is empty");
        for (int j = idStart; j < n; j++) {
            char c = s.charAt(j);
            if (!Ascii.alnum(c) && c != '.' && c != '_' && c != ':' && c != '%' && c != '-') {
                return Optional.of("character '" + c + "' is not allowed");
            }
        }
        char last = s.charAt(n - 1);
        if (last == ':' || last == '%') return Optional.of("must not end with '" + last + "'");
        return Optional.empty();
    }
}
