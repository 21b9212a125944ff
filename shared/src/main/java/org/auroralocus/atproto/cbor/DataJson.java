package org.auroralocus.atproto.cbor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The JSON representation of the data model (https://atproto.com/specs/data-model#json-representation):
 * links as {@code {"$link": "<cid>"}}, bytes as {@code {"$bytes": "<base64>"}}, blobs as
 * {@code $type: "blob"} objects, integers only. Reading validates all of that and fails with a
 * {@link DataJsonException} naming the path; writing produces the same shapes (bytes unpadded,
 * keys in canonical order). JSON is not canonical in atproto: only DAG-CBOR bytes are hashed.
 *
 * <p>A map whose own keys happen to be {@code $link} or {@code $bytes} cannot come from JSON (it
 * would have been read as a link or bytes); if one arrives in CBOR it is written as an ordinary
 * object, as the reference implementation does, and would read back differently.
 */
public final class DataJson {
    /** Jackson's factory is immutable once built and safe to share between threads. */
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private DataJson() {}

    /** Parses a JSON document holding any data-model value. */
    public static DataValue parse(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return new DataJsonReader(parser).readDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON document (UTF-8 bytes, such as a request body) holding any data-model value. */
    public static DataValue parse(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return new DataJsonReader(parser).readDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON document whose top-level value must be an object: a record, a request body. */
    public static DataValue.MapValue parseObject(String json) {
        return requireObject(parse(json));
    }

    public static DataValue.MapValue parseObject(byte[] json) {
        return requireObject(parse(json));
    }

    /** Converts a Jackson tree holding any data-model value. */
    public static DataValue fromTree(JsonNode node) {
        try (JsonParser parser = node.traverse()) {
            return new DataJsonReader(parser).readDocument();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts a Jackson tree whose top-level value must be an object. */
    public static DataValue.MapValue objectFromTree(JsonNode node) {
        return requireObject(fromTree(node));
    }

    /**
     * Reads one value from a parser positioned at (or just before) its first token, leaving the
     * parser after its last token: for a Jackson deserializer of a larger document.
     */
    public static DataValue read(JsonParser parser) {
        return new DataJsonReader(parser).read();
    }

    private static DataValue.MapValue requireObject(DataValue value) {
        if (value instanceof DataValue.MapValue map) return map;
        throw new DataJsonException("$", "the top-level value must be an object, not " + kind(value));
    }

    /** The value as compact JSON text. */
    public static String toJson(DataValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(value, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the value through a generator (for a Jackson serializer, or streaming a response). */
    public static void write(DataValue value, JsonGenerator out) throws IOException {
        write(value, out, 0);
    }

    private static void write(DataValue value, JsonGenerator out, int depth) throws IOException {
        switch (value) {
            case DataValue.NullValue n -> out.writeNull();
            case DataValue.BoolValue b -> out.writeBoolean(b.value());
            case DataValue.IntValue i -> out.writeNumber(i.value());
            case DataValue.TextValue t -> out.writeString(t.value());
            case DataValue.BytesValue b -> {
                out.writeStartObject();
                out.writeStringField("$bytes", BASE64.encodeToString(b.unsafeArray()));
                out.writeEndObject();
            }
            case DataValue.LinkValue l -> {
                out.writeStartObject();
                out.writeStringField("$link", l.cid().toString());
                out.writeEndObject();
            }
            case DataValue.ListValue l -> {
                DagCbor.checkNesting(depth);
                out.writeStartArray();
                for (DataValue item : l.items()) write(item, out, depth + 1);
                out.writeEndArray();
            }
            case DataValue.MapValue m -> {
                DagCbor.checkNesting(depth);
                out.writeStartObject();
                CanonicalMap entries = m.canonical();
                for (int i = 0; i < entries.size(); i++) {
                    out.writeFieldName(entries.keyAt(i));
                    write(entries.valueAt(i), out, depth + 1);
                }
                out.writeEndObject();
            }
        }
    }

    /**
     * The value as a Jackson tree. Integers become int nodes when they fit, as Jackson's own
     * parser makes them, so a tree read from text and one made here compare equal.
     */
    public static JsonNode toTree(DataValue value) {
        return tree(value, JsonNodeFactory.instance, 0);
    }

    private static JsonNode tree(DataValue value, JsonNodeFactory nodes, int depth) {
        return switch (value) {
            case DataValue.NullValue n -> nodes.nullNode();
            case DataValue.BoolValue b -> nodes.booleanNode(b.value());
            case DataValue.IntValue i -> i.value() == (int) i.value() ? nodes.numberNode((int) i.value()) : nodes.numberNode(i.value());
            case DataValue.TextValue t -> nodes.textNode(t.value());
            case DataValue.BytesValue b -> nodes.objectNode().put("$bytes", BASE64.encodeToString(b.unsafeArray()));
            case DataValue.LinkValue l -> nodes.objectNode().put("$link", l.cid().toString());
            case DataValue.ListValue l -> {
                DagCbor.checkNesting(depth);
                ArrayNode array = nodes.arrayNode(l.items().size());
                for (DataValue item : l.items()) array.add(tree(item, nodes, depth + 1));
                yield array;
            }
            case DataValue.MapValue m -> {
                DagCbor.checkNesting(depth);
                ObjectNode object = nodes.objectNode();
                m.entries().forEach((k, v) -> object.set(k, tree(v, nodes, depth + 1)));
                yield object;
            }
        };
    }


    private static String kind(DataValue value) {
        return switch (value) {
            case DataValue.NullValue n -> "null";
            case DataValue.BoolValue b -> "a boolean";
            case DataValue.IntValue i -> "an integer";
            case DataValue.TextValue t -> "a string";
            case DataValue.BytesValue b -> "bytes";
            case DataValue.LinkValue l -> "a link";
            case DataValue.ListValue l -> "an array";
            case DataValue.MapValue m -> "an object";
        };
    }
}
