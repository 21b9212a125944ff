package org.auroralocus.atproto.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a parser into the data model, enforcing the JSON conventions of
 * https://atproto.com/specs/data-model: {@code $link} and {@code $bytes} objects, blob objects,
 * {@code $type} as a non-empty string, and integers only. Remembers where it is so that every
 * error names its path. One reader per value; not thread-safe.
 */
final class DataJsonReader {
    private final JsonParser parser;
    /** The path to the value being read: at each level, a map key, or null with a list index. */
    private final String[] keys = new String[DagCbor.MAX_NESTING + 1];
    private final int[] indexes = new int[DagCbor.MAX_NESTING + 1];
    private int depth;

    DataJsonReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the value that starts at the parser's next token (or its current one, if it has one). */
    DataValue read() {
        try {
            JsonToken first = parser.currentToken() != null ? parser.currentToken() : parser.nextToken();
            if (first == null) throw fail("no JSON value");
            return value(first);
        } catch (JsonProcessingException e) {
            throw fail("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a whole document: one value and nothing after it. */
    DataValue readDocument() {
        DataValue value = read();
        try {
            if (parser.nextToken() != null) throw fail("unexpected content after the JSON value");
        } catch (JsonProcessingException e) {
            throw fail("malformed JSON after the value: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return value;
    }

    private DataValue value(JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> text(parser.getText());
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> integerValuedFloat();
            case VALUE_TRUE -> DataValue.BoolValue.TRUE;
            case VALUE_FALSE -> DataValue.BoolValue.FALSE;
            case VALUE_NULL -> DataValue.NullValue.INSTANCE;
            default -> throw fail("unexpected JSON token " + token);
        };
    }

    private DataValue array() throws IOException {
        enter();
        List<DataValue> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            indexes[depth - 1] = items.size();
            items.add(value(t));
        }
        depth--;
        return new DataValue.ListValue(items);
    }

    private DataValue object() throws IOException {
        enter();
        Map<String, DataValue> entries = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            keys[depth - 1] = key;
            // JSON parsers disagree on which duplicate wins, so a duplicate is refused, not resolved
            if (entries.put(key, value(parser.nextToken())) != null) throw fail("duplicate key");
        }
        depth--;
        return special(entries);
    }

    /** Objects with a meaning of their own: links, bytes, blobs; and the {@code $type} rule for all. */
    private DataValue special(Map<String, DataValue> entries) {
        if (entries.containsKey("$link")) {
            if (entries.size() != 1) throw fail("a $link object must have no other keys");
            if (!(entries.get("$link") instanceof DataValue.TextValue text)) throw fail("$link must be a string");
            return translating(() -> new DataValue.LinkValue(Cid.parse(text.value())));
        }
        if (entries.containsKey("$bytes")) {
            if (entries.size() != 1) throw fail("a $bytes object must have no other keys");
            if (!(entries.get("$bytes") instanceof DataValue.TextValue text)) throw fail("$bytes must be a string");
            try {
                // RFC 4648 section 4 base64, padding optional (the JDK decoder accepts both)
                return new DataValue.BytesValue(Base64.getDecoder().decode(text.value()));
            } catch (IllegalArgumentException e) {
                throw fail("$bytes is not base64: " + e.getMessage());
            }
        }
        if (entries.containsKey("$type")) {
            if (!(entries.get("$type") instanceof DataValue.TextValue type) || type.value().isEmpty()) {
                throw fail("$type must be a non-empty string");
            }
        }
        DataValue.MapValue map = translating(() -> new DataValue.MapValue(entries));
        translating(() -> BlobRef.from(map));
        return map;
    }

    private DataValue text(String s) {
        return translating(() -> new DataValue.TextValue(s));
    }

    private DataValue integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT, LONG -> new DataValue.IntValue(parser.getLongValue());
            default -> throw fail("integer " + parser.getText() + " is outside the 64-bit range");
        };
    }

    /** JSON has one number type, so 123.0 is the integer 123; anything with a fraction is a float. */
    private DataValue integerValuedFloat() throws IOException {
        BigDecimal d;
        try {
            d = parser.getDecimalValue();
        } catch (NumberFormatException e) {
            throw fail("number " + parser.getText() + " is not finite");
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw fail("number " + parser.getText() + " is not an integer (the data model has no floats)");
        }
        try {
            return new DataValue.IntValue(d.longValueExact());
        } catch (ArithmeticException e) {
            throw fail("integer " + parser.getText() + " is outside the 64-bit range");
        }
    }

    private void enter() {
        if (depth >= DagCbor.MAX_NESTING) throw fail("arrays and objects nested deeper than " + DagCbor.MAX_NESTING);
        keys[depth] = null;
        depth++;
    }

    /** Adds the path to a data-model rule broken by a value being built here. */
    private <T> T translating(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (DagCborException e) {
            throw fail(e.getMessage());
        }
    }

    private DataJsonException fail(String problem) {
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < depth; i++) {
            if (keys[i] == null) path.append('[').append(indexes[i]).append(']');
            else if (isPlainKey(keys[i])) path.append('.').append(keys[i]);
            else path.append("[\"").append(keys[i].replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
        return new DataJsonException(path.toString(), problem);
    }

    private static boolean isPlainKey(String key) {
        if (key.isEmpty()) return false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c == '$' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return false;
        }
        return true;
    }
}
