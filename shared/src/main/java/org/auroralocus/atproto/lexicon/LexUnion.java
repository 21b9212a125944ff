package org.auroralocus.atproto.lexicon;

import java.util.List;

/**
 * One of several object definitions, told apart by the value's {@code $type}
 * (https://atproto.com/specs/lexicon#union). An open union also accepts objects of types it does
 * not list, so that schemas can grow; a closed one does not.
 */
public record LexUnion(List<String> refs, boolean closed) implements LexField {

    public LexUnion {
        refs = List.copyOf(refs);
        for (String ref : refs) {
            if (!DefName.isWellFormed(ref)) throw new InvalidLexiconException("invalid reference in union: " + ref);
        }
    }

    public static LexUnion open(String... refs) {
        return new LexUnion(List.of(refs), false);
    }

    public static LexUnion closed(String... refs) {
        return new LexUnion(List.of(refs), true);
    }
}
