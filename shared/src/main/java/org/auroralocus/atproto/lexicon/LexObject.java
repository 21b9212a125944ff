package org.auroralocus.atproto.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * An object with named properties (https://atproto.com/specs/lexicon#object). Properties keep
 * their document order, which is the order values are checked in (so the first problem reported
 * is the official one). Properties not listed are allowed in values.
 */
public record LexObject(SequencedMap<String, LexField> properties, List<String> required, List<String> nullable)
        implements LexDef, LexField {

    public LexObject {
        properties = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(properties));
        required = List.copyOf(required);
        nullable = List.copyOf(nullable);
        for (String name : required) {
            if (!properties.containsKey(name)) throw new InvalidLexiconException("required property \"" + name + "\" is not defined");
        }
    }

    /** An object without properties; add them with {@link #required} and {@link #optional}. */
    public static LexObject empty() {
        return new LexObject(new LinkedHashMap<>(), List.of(), List.of());
    }

    /** A copy with one more property that values must have. */
    public LexObject required(String name, LexField type) {
        List<String> names = new ArrayList<>(required);
        names.add(name);
        return new LexObject(withProperty(name, type), names, nullable);
    }

    /** A copy with one more property that values may leave out. */
    public LexObject optional(String name, LexField type) {
        return new LexObject(withProperty(name, type), required, nullable);
    }

    /** A copy in which these (already defined) properties may hold null. */
    public LexObject nullable(String... names) {
        List<String> all = new ArrayList<>(nullable);
        all.addAll(List.of(names));
        return new LexObject(properties, required, all);
    }

    private SequencedMap<String, LexField> withProperty(String name, LexField type) {
        if (properties.containsKey(name)) throw new InvalidLexiconException("property defined twice: " + name);
        SequencedMap<String, LexField> copy = new LinkedHashMap<>(properties);
        copy.put(name, type);
        return copy;
    }
}
