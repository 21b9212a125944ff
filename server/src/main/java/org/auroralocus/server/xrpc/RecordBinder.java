package org.auroralocus.server.xrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;

/**
 * Binds query parameters or a JSON body into an endpoint's record, checking what the lexicon says
 * before the handler runs: required keys ({@code Optional} components are the optional ones), types,
 * integer ranges ({@link IntRange}), defaults ({@link DefaultValue}) and protocol formats (a
 * {@code Did} component only accepts a valid DID). Errors use the official message shapes.
 */
final class RecordBinder {
    private final JsonValues json;

    RecordBinder(JsonValues json) {
        this.json = json;
    }

    /** Query parameters; every value arrives as a string, repeated keys make lists. */
    <P extends Record> P bindQuery(Class<P> type, Map<String, List<String>> query, String nsid) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                List<String> values = query.getOrDefault(c.getName(), List.of());
                args[i] = fromStrings(c, values);
            }
            return construct(type, args);
        } catch (BindingException e) {
            throw XrpcException.invalidRequest("Invalid " + nsid + " params: " + e.getMessage());
        }
    }

    /** A JSON body, which must be an object. */
    <I extends Record> I bindJson(Class<I> type, JsonNode body) {
        try {
            return fromObject(type, body, "$");
        } catch (BindingException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
    }

    // --- query parameters ---

    private Object fromStrings(RecordComponent c, List<String> values) {
        Type generic = c.getGenericType();
        String name = c.getName();
        if (c.getType() == List.class) {
            Class<?> item = typeArgument(generic);
            List<Object> out = new ArrayList<>(values.size());
            for (String v : values) out.add(parseScalar(item, v, name, c));
            return List.copyOf(out);
        }
        boolean optional = c.getType() == Optional.class;
        Class<?> target = optional ? typeArgument(generic) : c.getType();
        String raw = values.isEmpty() ? null : values.getLast();
        if (raw == null) {
            DefaultValue dv = c.getAnnotation(DefaultValue.class);
            if (dv != null) raw = dv.value();
        }
        if (raw == null) {
            if (optional) return Optional.empty();
            if (target == boolean.class) return false;
            throw new BindingException("Missing required key \"" + name + "\"");
        }
        Object value = parseScalar(target, raw, name, c);
        return optional ? Optional.of(value) : value;
    }

    private Object parseScalar(Class<?> target, String raw, String name, RecordComponent c) {
        if (target == String.class) return raw;
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            long n;
            try {
                n = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new BindingException("Expected integer value type (got \"" + raw + "\") at $." + name);
            }
            checkRange(n, c, name);
            return target == int.class || target == Integer.class ? (Object) (int) n : (Object) n;
        }
        if (target == boolean.class || target == Boolean.class) {
            return switch (raw) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new BindingException("Expected boolean value type (got \"" + raw + "\") at $." + name);
            };
        }
        return parseFormatted(target, raw, "$." + name);
    }

    // --- JSON bodies ---

    private <R extends Record> R fromObject(Class<R> type, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new BindingException("Expected object value type (got " + describe(node) + ") at " + path);
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            JsonNode value = node.get(c.getName());
            boolean absent = value == null || value.isNull();
            if (c.getType() == Optional.class) {
                Class<?> inner = typeArgument(c.getGenericType());
                if (inner == List.class) throw new IllegalStateException("Optional<List> is not supported; use List");
                args[i] = absent ? Optional.empty() : Optional.of(fromJson(inner, c, value, path + "." + c.getName()));
            } else if (absent) {
                if (c.getType() != boolean.class) {
                    throw new BindingException("Missing required key \"" + c.getName() + "\" at " + path);
                }
                args[i] = false;
            } else {
                args[i] = fromJson(c.getType(), c, value, path + "." + c.getName());
            }
        }
        return construct(type, args);
    }

    private Object fromJson(Class<?> target, RecordComponent c, JsonNode value, String path) {
        if (c.getType() == List.class) {
            if (!value.isArray()) throw new BindingException("Expected array value type (got " + describe(value) + ") at " + path);
            Class<?> item = typeArgument(c.getGenericType());
            List<Object> out = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) out.add(jsonScalar(item, c, value.get(i), path + "[" + i + "]"));
            return List.copyOf(out);
        }
        return jsonScalar(target, c, value, path);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object jsonScalar(Class<?> target, RecordComponent c, JsonNode value, String path) {
        if (target == String.class) {
            if (!value.isTextual()) throw new BindingException("Expected string value type (got " + describe(value) + ") at " + path);
            return value.textValue();
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new BindingException("Expected integer value type (got " + describe(value) + ") at " + path);
            }
            long n = value.longValue();
            checkRange(n, c, path);
            return target == int.class || target == Integer.class ? (Object) (int) n : (Object) n;
        }
        if (target == boolean.class || target == Boolean.class) {
            if (!value.isBoolean()) throw new BindingException("Expected boolean value type (got " + describe(value) + ") at " + path);
            return value.booleanValue();
        }
        if (DataValue.class.isAssignableFrom(target)) {
            DataValue v = json.toDataValue(value, path);
            if (!target.isInstance(v)) throw new BindingException("Expected object value type (got " + describe(value) + ") at " + path);
            return v;
        }
        // protocol values (Did, Datetime, ...) are records too, but arrive as strings
        if (target.isRecord() && ValueParsers.forType(target).isEmpty()) return fromObject((Class) target, value, path);
        if (!value.isTextual()) throw new BindingException("Expected string value type (got " + describe(value) + ") at " + path);
        return parseFormatted(target, value.textValue(), path);
    }

    // --- shared ---

    private static Object parseFormatted(Class<?> target, String raw, String path) {
        ValueParsers.Parser parser = ValueParsers.forType(target)
                .orElseThrow(() -> new IllegalStateException("no parser for " + target.getName()));
        try {
            return parser.parse().apply(raw);
        } catch (RuntimeException e) {
            throw new BindingException("Invalid " + parser.label() + " (got \"" + raw + "\") at " + path);
        }
    }

    private static void checkRange(long n, RecordComponent c, String where) {
        IntRange range = c.getAnnotation(IntRange.class);
        if (range == null) return;
        String at = where.startsWith("$") ? where : "$." + where;
        if (n > range.max()) throw new BindingException("integer too big (maximum " + range.max() + ", got " + n + ") at " + at);
        if (n < range.min()) throw new BindingException("integer too small (minimum " + range.min() + ", got " + n + ") at " + at);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isArray()) return "array";
        if (node.isObject()) return "object";
        if (node.isTextual()) return "string";
        if (node.isBoolean()) return "boolean";
        if (node.isIntegralNumber()) return "integer";
        return "number";
    }

    private static Class<?> typeArgument(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> arg) return arg;
        throw new IllegalStateException("cannot bind generic type " + generic);
    }

    private static <R extends Record> R construct(Class<R> type, Object[] args) {
        try {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new);
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            // the record's own validation refused the values: the client's mistake, said plainly
            Throwable cause = e.getCause();
            if (cause instanceof XrpcException x) throw x;
            if (cause instanceof IllegalArgumentException) throw new BindingException(cause.getMessage());
            throw new IllegalStateException("binding " + type.getName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** A binding problem, turned into the endpoint's InvalidRequest message by the caller. */
    static final class BindingException extends RuntimeException {
        BindingException(String message) {
            super(message, null, false, false);
        }
    }
}
