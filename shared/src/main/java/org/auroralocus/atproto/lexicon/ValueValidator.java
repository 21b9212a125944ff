package org.auroralocus.atproto.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.auroralocus.atproto.cbor.BlobRef;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.DataValue.BoolValue;
import org.auroralocus.atproto.cbor.DataValue.BytesValue;
import org.auroralocus.atproto.cbor.DataValue.IntValue;
import org.auroralocus.atproto.cbor.DataValue.LinkValue;
import org.auroralocus.atproto.cbor.DataValue.ListValue;
import org.auroralocus.atproto.cbor.DataValue.MapValue;
import org.auroralocus.atproto.cbor.DataValue.NullValue;
import org.auroralocus.atproto.cbor.DataValue.TextValue;

/**
 * One walk of a value against a schema, stopping at the first problem as the official validator
 * does. Checks run in the official order (type, then constraints, properties in schema order), so
 * the problem reported is the one the official PDS reports. The path is kept as a stack and only
 * turned into a {@link ValuePath} when something fails.
 */
final class ValueValidator {
    private final LexiconRegistry registry;
    private final List<Object> path;
    private final StringLengths lengths = new StringLengths();

    ValueValidator(LexiconRegistry registry, ValuePath root) {
        this.registry = registry;
        this.path = new ArrayList<>(root.segments());
    }

    /** A value of the definition {@code name}, which carries {@code $type} = its type name if it is an object. */
    void definition(DefName name, DataValue value) {
        LexDef def = registry.lookup(name).orElseThrow(() -> new InvalidLexiconException("Lexicon not found: " + name));
        switch (def) {
            case LexObject o -> object(o, value, name.nsid(), Optional.of(name.typeName()));
            case LexRecord r -> object(r.record(), value, name.nsid(), Optional.of(name.typeName()));
            case LexToken t -> token(name, value);
            case LexField f -> field(f, value, name.nsid());
            case LexQuery _, LexProcedure _, LexSubscription _, LexPermissionSet _ ->
                    throw new InvalidLexiconException(name + " is an XRPC method or permission set, not a type of value");
        }
    }

    /** A record of type {@code name}: its object schema, then a {@code $type} naming the type. */
    void record(DefName name, LexRecord def, DataValue value) {
        object(def.record(), value, name.nsid(), Optional.empty());
        DataValue type = ((MapValue) value).entries().get("$type");
        if (!(type instanceof TextValue t && t.value().equals(name.nsid()))) {
            throw failAt("$type", Issues.expectedValues(List.of(Issues.quote(name.nsid())), Issues.describe(type)));
        }
    }

    /** A value of a field type, written in the document {@code doc} (against which references resolve). */
    void field(LexField type, DataValue value, String doc) {
        switch (type) {
            case LexBoolean b -> bool(b, value);
            case LexInteger i -> integer(i, value);
            case LexString s -> string(s, value);
            case LexBytes b -> bytes(b, value);
            case LexCidLink c -> {
                if (!(value instanceof LinkValue)) throw fail(Issues.expectedType("cid", value));
            }
            case LexBlob b -> blob(b, value);
            case LexUnknown u -> {
                // a blob is a map in the data model, but not a data object
                if (!(value instanceof MapValue m) || isBlobShaped(m)) throw fail(Issues.expectedType("object", value));
            }
            case LexRef r -> definition(DefName.resolve(r.ref(), doc), value);
            case LexUnion u -> union(u, value, doc);
            case LexArray a -> array(a, value, doc);
            case LexObject o -> object(o, value, doc, Optional.empty());
        }
    }

    private void object(LexObject def, DataValue value, String doc, Optional<String> typeName) {
        if (!(value instanceof MapValue map)) throw fail(Issues.expectedType("object", value));
        Map<String, DataValue> entries = map.entries();
        if (typeName.isPresent()) {
            // a $type is optional where the schema is known from a ref, but must not name another type
            DataValue type = entries.get("$type");
            if (type != null && !(type instanceof TextValue t && t.value().equals(typeName.get()))) {
                throw failAt("$type", Issues.expectedValues(List.of(Issues.quote(typeName.get())), Issues.describe(type)));
            }
        }
        for (Map.Entry<String, LexField> property : def.properties().entrySet()) {
            String name = property.getKey();
            DataValue v = entries.get(name);
            if (v == null) {
                if (def.required().contains(name)) throw fail(Issues.missingKey(name));
                continue;
            }
            if (v instanceof NullValue && def.nullable().contains(name)) continue;
            path.add(name);
            field(property.getValue(), v, doc);
            path.removeLast();
        }
    }

    private void union(LexUnion def, DataValue value, String doc) {
        if (!(value instanceof MapValue map) || !map.entries().containsKey("$type")) {
            throw fail(Issues.expectedType("$typed", value));
        }
        DataValue type = map.entries().get("$type");
        List<String> typeNames = new ArrayList<>(def.refs().size());
        for (String ref : def.refs()) {
            DefName member = DefName.resolve(ref, doc);
            if (type instanceof TextValue t && t.value().equals(member.typeName())) {
                definition(member, value);
                return;
            }
            typeNames.add(Issues.quote(member.typeName()));
        }
        if (def.closed()) throw failAt("$type", Issues.expectedValues(typeNames, Issues.describe(type)));
        // an open union accepts types it does not know, so that schemas can grow; they must still be named
        if (!(type instanceof TextValue)) throw failAt("$type", Issues.expectedType("string", type));
    }

    private void array(LexArray def, DataValue value, String doc) {
        if (!(value instanceof ListValue list)) throw fail(Issues.expectedType("array", value));
        int size = list.items().size();
        if (def.minLength().isPresent() && size < def.minLength().getAsInt()) {
            throw fail(Issues.tooSmall("array", def.minLength().getAsInt(), size));
        }
        if (def.maxLength().isPresent() && size > def.maxLength().getAsInt()) {
            throw fail(Issues.tooBig("array", def.maxLength().getAsInt(), size));
        }
        for (int i = 0; i < size; i++) {
            path.add(i);
            field(def.items(), list.items().get(i), doc);
            path.removeLast();
        }
    }

    private void token(DefName name, DataValue value) {
        if (!(value instanceof TextValue t)) throw fail(Issues.expectedType("token", value));
        if (!t.value().equals(name.typeName())) {
            throw fail(Issues.expectedValues(List.of(Issues.quote(name.typeName())), Issues.describe(value)));
        }
    }

    private void bool(LexBoolean def, DataValue value) {
        if (!(value instanceof BoolValue b)) throw fail(Issues.expectedType("boolean", value));
        onlyLiterals(def.constValue(), Optional.empty(), b.value(), String::valueOf);
    }

    private void integer(LexInteger def, DataValue value) {
        if (!(value instanceof IntValue i)) throw fail(Issues.expectedType("integer", value));
        long n = i.value();
        Optional<Long> constant = def.constValue().isPresent() ? Optional.of(def.constValue().getAsLong()) : Optional.empty();
        if (onlyLiterals(constant, def.enumValues(), n, String::valueOf)) return;
        if (def.minimum().isPresent() && n < def.minimum().getAsLong()) {
            throw fail(Issues.tooSmall("integer", def.minimum().getAsLong(), n));
        }
        if (def.maximum().isPresent() && n > def.maximum().getAsLong()) {
            throw fail(Issues.tooBig("integer", def.maximum().getAsLong(), n));
        }
    }

    private void string(LexString def, DataValue value) {
        if (!(value instanceof TextValue t)) throw fail(Issues.expectedType("string", value));
        String s = t.value();
        if (onlyLiterals(def.constValue(), def.enumValues(), s, Issues::quote)) return;
        lengths.problem(def, s).ifPresent(problem -> {
            throw fail(problem);
        });
        if (def.format().isPresent() && !def.format().get().matches(s)) {
            throw fail(Issues.invalidFormat(def.format().get(), s));
        }
    }

    /**
     * Checks a {@code const} or {@code enum} and says whether there was one. With either, the
     * official validator checks nothing else (the schema becomes a literal or an enum), so ranges,
     * lengths and formats are then not looked at.
     */
    private <T> boolean onlyLiterals(Optional<T> constant, Optional<List<T>> allowed, T actual, Function<T, String> show) {
        if (constant.isPresent()) {
            if (!constant.get().equals(actual)) throw fail(Issues.expectedValues(List.of(show.apply(constant.get())), show.apply(actual)));
            return true;
        }
        if (allowed.isPresent()) {
            if (!allowed.get().contains(actual)) throw fail(Issues.expectedValues(allowed.get().stream().map(show).toList(), show.apply(actual)));
            return true;
        }
        return false;
    }

    private void bytes(LexBytes def, DataValue value) {
        if (!(value instanceof BytesValue b)) throw fail(Issues.expectedType("bytes", value));
        int size = b.value().length;
        if (def.minLength().isPresent() && size < def.minLength().getAsInt()) {
            throw fail(Issues.tooSmall("bytes", def.minLength().getAsInt(), size));
        }
        if (def.maxLength().isPresent() && size > def.maxLength().getAsInt()) {
            throw fail(Issues.tooBig("bytes", def.maxLength().getAsInt(), size));
        }
    }

    private void blob(LexBlob def, DataValue value) {
        BlobRef blob = blobRef(value).orElseThrow(() -> fail(Issues.expectedType("blob", value)));
        if (!def.accepts(blob.mimeType())) {
            throw failAt("mimeType", Issues.expectedValues(def.accept().orElseThrow().stream().map(Issues::quote).toList(),
                    Issues.quote(blob.mimeType())));
        }
        if (def.maxSize().isPresent() && blob.size() > def.maxSize().getAsLong()) {
            throw fail(Issues.tooBig("blob", def.maxSize().getAsLong(), blob.size()));
        }
    }

    /**
     * The blob reference a value holds (https://atproto.com/specs/data-model#blob-type), with a MIME
     * type that at least has a slash, as the official validator asks. The legacy form without
     * {@code $type} is refused, as the official PDS refuses it on write.
     */
    private static Optional<BlobRef> blobRef(DataValue value) {
        try {
            return BlobRef.from(value).filter(blob -> blob.mimeType().indexOf('/') >= 0);
        } catch (DagCborException e) {
            return Optional.empty(); // says it is a blob but has the wrong shape: reported as "not a blob"
        }
    }

    private static boolean isBlobShaped(MapValue map) {
        return map.entries().get("$type") instanceof TextValue t && t.value().equals("blob");
    }

    private LexiconValidationException fail(String problem) {
        return new LexiconValidationException(problem, new ValuePath(path));
    }

    private LexiconValidationException failAt(String key, String problem) {
        path.add(key);
        return fail(problem);
    }
}
