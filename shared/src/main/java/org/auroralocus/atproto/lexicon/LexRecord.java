package org.auroralocus.atproto.lexicon;

import java.util.Objects;

/** A record type (https://atproto.com/specs/lexicon#record): its key rule and its object schema. */
public record LexRecord(KeyRule key, LexObject record) implements LexDef {

    public LexRecord {
        Objects.requireNonNull(key);
        Objects.requireNonNull(record);
    }
}
