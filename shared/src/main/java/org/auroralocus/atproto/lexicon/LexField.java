package org.auroralocus.atproto.lexicon;

/**
 * The type of a value inside a definition: an object property, an array's items, a body schema.
 * Objects are allowed inline here although the lexicon language defines them only as named
 * definitions, because the official test catalog uses inline objects.
 */
public sealed interface LexField
        permits LexBoolean, LexInteger, LexString, LexBytes, LexCidLink, LexBlob, LexUnknown,
                LexRef, LexUnion, LexArray, LexObject {

    /** The lexicon {@code type} name, e.g. {@code cid-link}. */
    default String typeName() {
        return switch (this) {
            case LexBoolean b -> "boolean";
            case LexInteger i -> "integer";
            case LexString s -> "string";
            case LexBytes b -> "bytes";
            case LexCidLink c -> "cid-link";
            case LexBlob b -> "blob";
            case LexUnknown u -> "unknown";
            case LexRef r -> "ref";
            case LexUnion u -> "union";
            case LexArray a -> "array";
            case LexObject o -> "object";
        };
    }
}
