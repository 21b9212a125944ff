package org.auroralocus.atproto.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SequencedMap;

/**
 * A JSON object being read as part of a lexicon document, with where it sits
 * ({@code app.bsky.feed.post#main.record.properties.text}) so that every complaint names its place.
 * Keys the lexicon language does not define are ignored, as the official parser ignores them.
 */
final class LexJsonNode {
    private final JsonNode node;
    private final String where;

    private LexJsonNode(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    static LexJsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) throw new InvalidLexiconException(where + " must be an object");
        return new LexJsonNode(node, where);
    }

    String where() {
        return where;
    }

    InvalidLexiconException fail(String problem) {
        return new InvalidLexiconException(where + ": " + problem);
    }

    boolean has(String key) {
        return node.has(key);
    }

    /** The {@code type} property, which every definition and field has. */
    String type() {
        return requiredString("type");
    }

    String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> fail("\"" + key + "\" is required"));
    }

    Optional<String> optionalString(String key) {
        JsonNode v = node.get(key);
        if (v == null) return Optional.empty();
        if (!v.isTextual()) throw fail("\"" + key + "\" must be a string");
        return Optional.of(v.textValue());
    }

    Optional<Boolean> optionalBoolean(String key) {
        JsonNode v = node.get(key);
        if (v == null) return Optional.empty();
        if (!v.isBoolean()) throw fail("\"" + key + "\" must be a boolean");
        return Optional.of(v.booleanValue());
    }

    OptionalLong optionalLong(String key) {
        JsonNode v = node.get(key);
        if (v == null) return OptionalLong.empty();
        return OptionalLong.of(integer(v, key));
    }

    OptionalInt optionalInt(String key) {
        OptionalLong v = optionalLong(key);
        if (v.isEmpty()) return OptionalInt.empty();
        if (v.getAsLong() < 0 || v.getAsLong() > Integer.MAX_VALUE) throw fail("\"" + key + "\" is out of range");
        return OptionalInt.of((int) v.getAsLong());
    }

    Optional<List<String>> optionalStrings(String key) {
        return optionalArray(key).map(items -> {
            List<String> out = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                if (!item.isTextual()) throw fail("\"" + key + "\" must hold strings");
                out.add(item.textValue());
            }
            return out;
        });
    }

    Optional<List<Long>> optionalLongs(String key) {
        return optionalArray(key).map(items -> {
            List<Long> out = new ArrayList<>(items.size());
            for (JsonNode item : items) out.add(integer(item, key));
            return out;
        });
    }

    Optional<List<JsonNode>> optionalArray(String key) {
        JsonNode v = node.get(key);
        if (v == null) return Optional.empty();
        if (!v.isArray()) throw fail("\"" + key + "\" must be an array");
        List<JsonNode> items = new ArrayList<>(v.size());
        v.forEach(items::add);
        return Optional.of(items);
    }

    LexJsonNode requiredObject(String key) {
        JsonNode v = node.get(key);
        if (v == null) throw fail("\"" + key + "\" is required");
        return object(v, where + "." + key);
    }

    Optional<LexJsonNode> optionalObject(String key) {
        return node.has(key) ? Optional.of(requiredObject(key)) : Optional.empty();
    }

    /** This object's own entries, in document order. */
    SequencedMap<String, JsonNode> entries() {
        SequencedMap<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** An entry of this object, read as a nested object. */
    LexJsonNode child(String key, JsonNode value) {
        return object(value, where + "." + key);
    }

    private long integer(JsonNode v, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw fail("\"" + key + "\" must be an integer");
        return v.longValue();
    }
}
