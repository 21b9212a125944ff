package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A signed integer (https://atproto.com/specs/lexicon#integer). */
public record LexInteger(OptionalLong minimum, OptionalLong maximum, Optional<List<Long>> enumValues,
                         OptionalLong constValue, OptionalLong defaultValue) implements LexDef, LexField {

    public LexInteger {
        Objects.requireNonNull(minimum);
        Objects.requireNonNull(maximum);
        enumValues = enumValues.map(List::copyOf);
        Objects.requireNonNull(constValue);
        Objects.requireNonNull(defaultValue);
    }

    /** An integer without constraints. */
    public static LexInteger plain() {
        return new LexInteger(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    public LexInteger minimum(long value) {
        return new LexInteger(OptionalLong.of(value), maximum, enumValues, constValue, defaultValue);
    }

    public LexInteger maximum(long value) {
        return new LexInteger(minimum, OptionalLong.of(value), enumValues, constValue, defaultValue);
    }

    public LexInteger enumValues(Long... values) {
        return new LexInteger(minimum, maximum, Optional.of(List.of(values)), constValue, defaultValue);
    }

    public LexInteger constValue(long value) {
        return new LexInteger(minimum, maximum, enumValues, OptionalLong.of(value), defaultValue);
    }

    public LexInteger defaultValue(long value) {
        return new LexInteger(minimum, maximum, enumValues, constValue, OptionalLong.of(value));
    }
}
