package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A string (https://atproto.com/specs/lexicon#string). Lengths count UTF-8 bytes, graphemes count
 * extended grapheme clusters. {@code knownValues} are suggestions and are never enforced.
 */
public record LexString(Optional<StringFormat> format, OptionalInt minLength, OptionalInt maxLength,
                        OptionalInt minGraphemes, OptionalInt maxGraphemes, Optional<List<String>> enumValues,
                        Optional<String> constValue, Optional<String> defaultValue, List<String> knownValues)
        implements LexDef, LexField {

    public LexString {
        Objects.requireNonNull(format);
        Objects.requireNonNull(minLength);
        Objects.requireNonNull(maxLength);
        Objects.requireNonNull(minGraphemes);
        Objects.requireNonNull(maxGraphemes);
        enumValues = enumValues.map(List::copyOf);
        Objects.requireNonNull(constValue);
        Objects.requireNonNull(defaultValue);
        knownValues = List.copyOf(knownValues);
    }

    /** A string without constraints. */
    public static LexString plain() {
        return new LexString(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public LexString format(StringFormat value) {
        return new LexString(Optional.of(value), minLength, maxLength, minGraphemes, maxGraphemes, enumValues,
                constValue, defaultValue, knownValues);
    }

    public LexString minLength(int value) {
        return new LexString(format, OptionalInt.of(value), maxLength, minGraphemes, maxGraphemes, enumValues,
                constValue, defaultValue, knownValues);
    }

    public LexString maxLength(int value) {
        return new LexString(format, minLength, OptionalInt.of(value), minGraphemes, maxGraphemes, enumValues,
                constValue, defaultValue, knownValues);
    }

    public LexString minGraphemes(int value) {
        return new LexString(format, minLength, maxLength, OptionalInt.of(value), maxGraphemes, enumValues,
                constValue, defaultValue, knownValues);
    }

    public LexString maxGraphemes(int value) {
        return new LexString(format, minLength, maxLength, minGraphemes, OptionalInt.of(value), enumValues,
                constValue, defaultValue, knownValues);
    }

    public LexString enumValues(String... values) {
        return new LexString(format, minLength, maxLength, minGraphemes, maxGraphemes, Optional.of(List.of(values)),
                constValue, defaultValue, knownValues);
    }

    public LexString constValue(String value) {
        return new LexString(format, minLength, maxLength, minGraphemes, maxGraphemes, enumValues,
                Optional.of(value), defaultValue, knownValues);
    }

    public LexString defaultValue(String value) {
        return new LexString(format, minLength, maxLength, minGraphemes, maxGraphemes, enumValues,
                constValue, Optional.of(value), knownValues);
    }

    public LexString knownValues(String... values) {
        return new LexString(format, minLength, maxLength, minGraphemes, maxGraphemes, enumValues,
                constValue, defaultValue, List.of(values));
    }
}
