package org.auroralocus.atproto.lexicon;

import java.util.Optional;

/**
 * The input or output body of an XRPC method: its MIME type and, for JSON bodies, the schema
 * (an object, a reference or a union).
 */
public record LexBody(String encoding, Optional<LexField> schema) {

    public LexBody {
        if (encoding.isEmpty() || encoding.contains(",") || encoding.contains(";") || encoding.contains(" ")) {
            throw new InvalidLexiconException("Invalid encoding string (must be a single MIME type without parameters): " + encoding);
        }
        if (schema.isPresent() && !(schema.get() instanceof LexObject || schema.get() instanceof LexRef || schema.get() instanceof LexUnion)) {
            throw new InvalidLexiconException("a body schema must be an object, ref or union, not " + schema.get().typeName());
        }
    }
}
