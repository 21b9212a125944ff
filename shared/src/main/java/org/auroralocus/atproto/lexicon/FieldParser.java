package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.LinkedHashMap;

/** Reads the field types of a lexicon (everything that may sit in a property or an array). */
final class FieldParser {
    private FieldParser() {}

    static LexField field(LexJsonNode n) {
        String type = n.type();
        return switch (type) {
            case "boolean" -> bool(n);
            case "integer" -> integer(n);
            case "string" -> string(n);
            case "bytes" -> bytes(n);
            case "cid-link" -> new LexCidLink();
            case "blob" -> blob(n);
            case "unknown" -> new LexUnknown();
            case "ref" -> ref(n);
            case "union" -> union(n);
            case "array" -> array(n);
            case "object" -> object(n);
            default -> throw n.fail("a field may not be of type " + type);
        };
    }

    static LexBoolean bool(LexJsonNode n) {
        return new LexBoolean(n.optionalBoolean("default"), n.optionalBoolean("const"));
    }

    static LexInteger integer(LexJsonNode n) {
        return new LexInteger(n.optionalLong("minimum"), n.optionalLong("maximum"), n.optionalLongs("enum"),
                n.optionalLong("const"), n.optionalLong("default"));
    }

    static LexString string(LexJsonNode n) {
        Optional<StringFormat> format = n.optionalString("format").map(name -> StringFormat.fromLexiconName(name)
                .orElseThrow(() -> n.fail("unknown string format " + name)));
        return new LexString(format, n.optionalInt("minLength"), n.optionalInt("maxLength"),
                n.optionalInt("minGraphemes"), n.optionalInt("maxGraphemes"), n.optionalStrings("enum"),
                n.optionalString("const"), n.optionalString("default"), n.optionalStrings("knownValues").orElse(List.of()));
    }

    static LexBytes bytes(LexJsonNode n) {
        return new LexBytes(n.optionalInt("minLength"), n.optionalInt("maxLength"));
    }

    static LexBlob blob(LexJsonNode n) {
        return new LexBlob(n.optionalStrings("accept"), n.optionalLong("maxSize"));
    }

    static LexArray array(LexJsonNode n) {
        LexField items = field(n.requiredObject("items"));
        if (items instanceof LexArray) throw n.fail("arrays may not hold arrays");
        return new LexArray(items, n.optionalInt("minLength"), n.optionalInt("maxLength"));
    }

    static LexObject object(LexJsonNode n) {
        if (!n.type().equals("object")) throw n.fail("must be of type object");
        SequencedMap<String, LexField> properties = properties(n.requiredObject("properties"));
        return new LexObject(properties, required(n, properties), n.optionalStrings("nullable").orElse(List.of()));
    }

    static LexParams params(LexJsonNode n) {
        if (!n.type().equals("params")) throw n.fail("must be of type params");
        SequencedMap<String, LexField> properties = properties(n.requiredObject("properties"));
        return new LexParams(properties, required(n, properties));
    }

    static LexRef ref(LexJsonNode n) {
        String ref = n.requiredString("ref");
        if (!DefName.isWellFormed(ref)) throw n.fail("invalid reference " + ref);
        return new LexRef(ref);
    }

    static LexUnion union(LexJsonNode n) {
        List<String> refs = n.optionalStrings("refs").orElseThrow(() -> n.fail("\"refs\" is required"));
        for (String ref : refs) {
            if (!DefName.isWellFormed(ref)) throw n.fail("invalid reference " + ref);
        }
        return new LexUnion(refs, n.optionalBoolean("closed").orElse(false));
    }

    /** The {@code required} names, each of which must be a defined property. */
    private static List<String> required(LexJsonNode n, SequencedMap<String, LexField> properties) {
        List<String> required = n.optionalStrings("required").orElse(List.of());
        for (String name : required) {
            if (!properties.containsKey(name)) throw n.fail("Required field \"" + name + "\" not defined");
        }
        return required;
    }

    private static SequencedMap<String, LexField> properties(LexJsonNode n) {
        SequencedMap<String, LexField> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.entries().entrySet()) {
            out.put(e.getKey(), field(n.child(e.getKey(), e.getValue())));
        }
        return out;
    }

    static List<LexError> errors(LexJsonNode n) {
        List<LexError> out = new ArrayList<>();
        for (JsonNode item : n.optionalArray("errors").orElse(List.of())) {
            LexJsonNode error = LexJsonNode.object(item, n.where() + ".errors");
            String name = error.requiredString("name");
            if (name.isEmpty()) throw error.fail("an error name must not be empty");
            out.add(new LexError(name));
        }
        return out;
    }
}
