package org.auroralocus.atproto.lexicon;

import java.util.Objects;
import java.util.OptionalInt;

/** A list of values of one type (https://atproto.com/specs/lexicon#array); arrays do not nest. */
public record LexArray(LexField items, OptionalInt minLength, OptionalInt maxLength) implements LexDef, LexField {

    public LexArray {
        Objects.requireNonNull(items);
        if (items instanceof LexArray) throw new InvalidLexiconException("arrays may not hold arrays");
        Objects.requireNonNull(minLength);
        Objects.requireNonNull(maxLength);
    }

    public static LexArray of(LexField items) {
        return new LexArray(items, OptionalInt.empty(), OptionalInt.empty());
    }

    public LexArray minLength(int value) {
        return new LexArray(items, OptionalInt.of(value), maxLength);
    }

    public LexArray maxLength(int value) {
        return new LexArray(items, minLength, OptionalInt.of(value));
    }
}
