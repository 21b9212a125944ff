package org.auroralocus.atproto.lexicon;

import java.util.Objects;
import java.util.Optional;

/** A boolean (https://atproto.com/specs/lexicon#boolean). */
public record LexBoolean(Optional<Boolean> defaultValue, Optional<Boolean> constValue) implements LexDef, LexField {

    public LexBoolean {
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(constValue);
    }

    /** A boolean without constraints. */
    public static LexBoolean plain() {
        return new LexBoolean(Optional.empty(), Optional.empty());
    }

    public LexBoolean defaultValue(boolean value) {
        return new LexBoolean(Optional.of(value), constValue);
    }

    public LexBoolean constValue(boolean value) {
        return new LexBoolean(defaultValue, Optional.of(value));
    }
}
