package org.auroralocus.atproto.lexicon;

/** A lexicon document or definition that breaks the lexicon language rules. */
public final class InvalidLexiconException extends RuntimeException {
    public InvalidLexiconException(String message) {
        super(message);
    }
}
