package org.auroralocus.atproto.syntax;

/**
 * The lexicon {@code at-identifier} format: a {@link Did} or a {@link Handle}, as in {@code repo} parameters and
 * AT URI authorities. Never ambiguous: a DID starts with {@code did:} and a handle cannot contain a colon.
 */
public sealed interface AtIdentifier permits Did, Handle {
    String value();

    static AtIdentifier parse(String raw) {
        return isDidShaped(raw) ? Did.parse(raw) : Handle.parse(raw);
    }

    static boolean isValid(String raw) {
        return isDidShaped(raw) ? Did.isValid(raw) : Handle.isValid(raw);
    }

    private static boolean isDidShaped(String s) {
        return s != null && s.startsWith("did:");
    }
}
