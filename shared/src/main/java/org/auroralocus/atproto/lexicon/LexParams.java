package org.auroralocus.atproto.lexicon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The query-string parameters of an XRPC method (https://atproto.com/specs/lexicon#params):
 * booleans, integers, strings, and arrays of those.
 */
public record LexParams(SequencedMap<String, LexField> properties, List<String> required) {

    public LexParams {
        properties = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(properties));
        required = List.copyOf(required);
        properties.forEach((name, type) -> {
            LexField scalar = type instanceof LexArray a ? a.items() : type;
            if (!(scalar instanceof LexBoolean || scalar instanceof LexInteger || scalar instanceof LexString)) {
                throw new InvalidLexiconException("parameter \"" + name + "\" must be a boolean, integer, string or an array of them");
            }
        });
        for (String name : required) {
            if (!properties.containsKey(name)) throw new InvalidLexiconException("required parameter \"" + name + "\" is not defined");
        }
    }
}
