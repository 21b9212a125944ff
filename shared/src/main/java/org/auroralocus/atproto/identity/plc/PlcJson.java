package org.auroralocus.atproto.identity.plc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Strict reading of PLC JSON, as the official directory's schemas read it: an object has exactly its
 * fields (no extras, none missing), and each field has its JSON type. Messages name the field.
 */
final class PlcJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlcJson() {}

    static ObjectNode object(JsonNode node, String what) {
        if (node instanceof ObjectNode object) return object;
        throw invalid(what + " must be an object");
    }

    /** Checks that {@code object} has exactly {@code fields}. */
    static void exactFields(ObjectNode object, Set<String> fields, String what) {
        Set<String> present = new TreeSet<>(object.properties().stream().map(Map.Entry::getKey).toList());
        Set<String> missing = new TreeSet<>(fields);
        missing.removeAll(present);
        if (!missing.isEmpty()) throw invalid(what + " lacks " + String.join(", ", missing));
        present.removeAll(fields);
        if (!present.isEmpty()) throw invalid(what + " has unexpected fields " + String.join(", ", present));
    }

    static String text(JsonNode node, String what) {
        if (node != null && node.isTextual()) return node.textValue();
        throw invalid(what + " must be a string");
    }

    static boolean bool(JsonNode node, String what) {
        if (node != null && node.isBoolean()) return node.booleanValue();
        throw invalid(what + " must be a boolean");
    }

    static List<String> texts(JsonNode node, String what) {
        if (node == null || !node.isArray()) throw invalid(what + " must be an array of strings");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) values.add(text(node.get(i), what + "[" + i + "]"));
        return values;
    }

    /** A map of string keys, each value read by {@code reader}; key order is kept. */
    static <V> Map<String, V> map(JsonNode node, String what, ValueReader<V> reader) {
        ObjectNode object = object(node, what);
        Map<String, V> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), reader.read(e.getValue(), what + "." + e.getKey())));
        return values;
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static <V> ObjectNode object(Map<String, V> values, Function<V, JsonNode> writer) {
        ObjectNode object = NODES.objectNode();
        values.forEach((k, v) -> object.set(k, writer.apply(v)));
        return object;
    }

    static InvalidPlcOperationException invalid(String message) {
        return new InvalidPlcOperationException(message);
    }

    @FunctionalInterface
    interface ValueReader<V> {
        V read(JsonNode node, String what);
    }
}
