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
            case LexRecord _, LexQuery _, LexProcedure _, LexSubscription _, LexPermissionSet _ -> true;
            case LexToken _, LexObject _, LexArray _, LexBoolean _, LexInteger _, LexString _, LexBytes _, LexCidLink _,
                 LexBlob _ -> false;
        };
    }
}
