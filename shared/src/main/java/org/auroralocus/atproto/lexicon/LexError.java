package org.auroralocus.atproto.lexicon;

/** A named error an XRPC method may answer with (its {@code error} field). */
public record LexError(String name) {

    public LexError {
        if (name.isEmpty()) throw new InvalidLexiconException("an error name must not be empty");
    }
}
