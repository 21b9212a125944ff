package org.auroralocus.atproto.syntax;

import java.util.Optional;

/** A string that is not a valid identifier of the kind it was parsed as. */
public final class SyntaxException extends IllegalArgumentException {
    /** Inputs can be kilobytes long (URIs up to 8 KB): messages quote only the start. */
    private static final int QUOTED_MAX = 100;

    public SyntaxException(String message) {
        super(message);
    }

    public SyntaxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code invalid handle "jo@hn.test": ...}, with long input cut short. */
    static SyntaxException invalid(String kind, String input, String problem) {
        return new SyntaxException("invalid " + kind + " " + quote(input) + ": " + problem);
    }

    /** Throws when a checker found a problem; the compact constructors' one-liner. */
    static void check(String kind, String input, Optional<String> problem) {
        if (problem.isPresent()) throw invalid(kind, input, problem.get());
    }

    static String quote(String input) {
        if (input == null) return "null";
        if (input.length() <= QUOTED_MAX) return '"' + input + '"';
        return '"' + input.substring(0, QUOTED_MAX) + "\u2026\" (" + input.length() + " chars)";
    }
}
