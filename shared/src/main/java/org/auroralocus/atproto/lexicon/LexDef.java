package org.auroralocus.atproto.lexicon;

/**
 * A named definition in a lexicon document's {@code defs}. The primary types (record, query,
 * procedure, subscription, permission set) may only be the {@code main} definition; the others may
 * have any name. {@code unknown}, {@code ref} and {@code union} are never definitions of their own.
 */
public sealed interface LexDef
        permits LexRecord, LexQuery, LexProcedure, LexSubscription, LexPermissionSet,
                LexToken, LexObject, LexArray, LexBoolean, LexInteger, LexString, LexBytes, LexCidLink, LexBlob {

    /** Whether this is a primary type, which only the {@code main} definition may be. */
    default boolean isPrimary() {
        return switch (this) {
            case LexRecord r -> true;
            case LexQuery q -> true;
            case LexProcedure p -> true;
            case LexSubscription s -> true;
            case LexPermissionSet p -> true;
            case LexToken t -> false;
            case LexObject o -> false;
            case LexArray a -> false;
            case LexBoolean b -> false;
            case LexInteger i -> false;
            case LexString s -> false;
            case LexBytes b -> false;
            case LexCidLink c -> false;
            case LexBlob b -> false;
        };
    }
}
