package org.auroralocus.server.xrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;

/**
 * Writes an endpoint's output record as JSON: component names are the lexicon's property names,
 * an empty {@code Optional} leaves its property out, protocol types (DID, CID, AT URI, ...) are
 * written as their strings and data-model values in their JSON form.
 */
final class RecordWriter {
    private static final String SYNTAX_PACKAGE = "org.auroralocus.atproto.syntax";

    private final JsonFactory factory = new JsonFactory();
    /** Reflection is slow to look up but quick to call: a page of 100 records would otherwise look up 300 accessors. */
    private final ClassValue<List<Component>> components = new ClassValue<>() {
        @Override protected List<Component> computeValue(Class<?> type) {
            return RecordWriter.components(type);
        }
    };
    private final JsonValues json;

    RecordWriter(JsonValues json) {
        this.json = json;
    }

    byte[] toJson(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(value, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(Object value, JsonGenerator g) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case Optional<?> o -> write(o.orElse(null), g);
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case DataValue d -> json.write(d, g);
            case Collection<?> items -> {
                g.writeStartArray();
                for (Object item : items) write(item, g);
                g.writeEndArray();
            }
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            // protocol value types (Did, AtUri, ...) are records too, but clients see their strings
            case Record r when r.getClass().getPackageName().equals(SYNTAX_PACKAGE) -> g.writeString(r.toString());
            case Record r -> writeRecord(r, g);
            case Enum<?> e -> g.writeString(e.toString());
            // other protocol values (Cid) print as their canonical strings too
            default -> g.writeString(value.toString());
        }
    }

    private void writeRecord(Record r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Component c : components.get(r.getClass())) {
            Object v;
            try {
                v = c.accessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("reading " + c.name(), e);
            }
            if (v instanceof Optional<?> o && o.isEmpty()) continue;
            g.writeFieldName(c.name());
            write(v, g);
        }
        g.writeEndObject();
    }

    /** A record component's name and its accessor, looked up and made accessible once per record class. */
    private record Component(String name, Method accessor) {}

    private static List<Component> components(Class<?> type) {
        List<Component> found = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            found.add(new Component(c.getName(), accessor));
        }
        return List.copyOf(found);
    }
}
