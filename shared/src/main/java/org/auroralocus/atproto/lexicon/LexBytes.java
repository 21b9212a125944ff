package org.auroralocus.atproto.lexicon;

import java.util.Objects;
import java.util.OptionalInt;

/** Raw bytes (https://atproto.com/specs/lexicon#bytes); lengths count bytes. */
public record LexBytes(OptionalInt minLength, OptionalInt maxLength) implements LexDef, LexField {

    public LexBytes {
        Objects.requireNonNull(minLength);
        Objects.requireNonNull(maxLength);
    }

    public static LexBytes plain() {
        return new LexBytes(OptionalInt.empty(), OptionalInt.empty());
    }

    public LexBytes minLength(int value) {
        return new LexBytes(OptionalInt.of(value), maxLength);
    }

    public LexBytes maxLength(int value) {
        return new LexBytes(minLength, OptionalInt.of(value));
    }
}
