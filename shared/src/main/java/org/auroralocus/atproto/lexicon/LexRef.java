package org.auroralocus.atproto.lexicon;

/**
 * A reference to another definition (https://atproto.com/specs/lexicon#ref), written
 * {@code #name}, {@code nsid#name} or {@code nsid} (meaning {@code nsid#main}); kept as written,
 * resolved against the containing document when a value is validated.
 */
public record LexRef(String ref) implements LexField {

    public LexRef {
        if (!DefName.isWellFormed(ref)) throw new InvalidLexiconException("invalid reference: " + ref);
    }
}
