package org.auroralocus.atproto.lexicon;

import java.util.Objects;

/**
 * A value that does not match its lexicon schema. The message has the official PDS shape: what is
 * wrong, then where ({@code Invalid datetime (got "yesterday") at $.record.createdAt}).
 */
public final class LexiconValidationException extends RuntimeException {
    private final String problem;
    private final ValuePath path;

    public LexiconValidationException(String problem, ValuePath path) {
        super(problem + " at " + path);
        this.problem = Objects.requireNonNull(problem);
        this.path = Objects.requireNonNull(path);
    }

    /** What is wrong, without the path ({@code Invalid datetime (got "yesterday")}). */
    public String problem() {
        return problem;
    }

    /** Where the offending value sits. */
    public ValuePath path() {
        return path;
    }
}
