package org.auroralocus.atproto.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of the atproto data model (https://atproto.com/specs/data-model): null, boolean,
 * integer (64-bit signed), string, bytes, link (CID), list, or map with string keys. No floats.
 * Blobs are maps of a known shape ({@code $type: "blob"}), see {@link BlobRef}.
 */
public sealed interface DataValue {

    /** The null value. */
    record NullValue() implements DataValue {
        public static final NullValue INSTANCE = new NullValue();
    }

    record BoolValue(boolean value) implements DataValue {
        public static final BoolValue TRUE = new BoolValue(true);
        public static final BoolValue FALSE = new BoolValue(false);
    }

    record IntValue(long value) implements DataValue {}

    record TextValue(String value) implements DataValue {
        public TextValue {
            java.util.Objects.requireNonNull(value);
        }
    }

    /** Raw bytes. Equality is by content. */
    record BytesValue(byte[] value) implements DataValue {
        public BytesValue {
            value = value.clone();
        }

        @Override public byte[] value() {
            return value.clone();
        }

        int length() {
            return value.length;
        }

        byte[] unsafeArray() {
            return value;
        }

        @Override public boolean equals(Object o) {
            return o instanceof BytesValue b && Arrays.equals(value, b.value);
        }

        @Override public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override public String toString() {
            return "BytesValue[" + value.length + " bytes]";
        }
    }

    record LinkValue(Cid cid) implements DataValue {
        public LinkValue {
            java.util.Objects.requireNonNull(cid);
        }
    }

    record ListValue(List<DataValue> items) implements DataValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** A map with string keys. Iteration keeps insertion order; the encoder sorts canonically. */
    record MapValue(Map<String, DataValue> entries) implements DataValue {
        public MapValue {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<DataValue> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<String> text(String key) {
            return entries.get(key) instanceof TextValue t ? Optional.of(t.value()) : Optional.empty();
        }

        /** A copy with one more (or a replaced) entry. */
        public MapValue with(String key, DataValue value) {
            Map<String, DataValue> copy = new LinkedHashMap<>(entries);
            copy.put(key, value);
            return new MapValue(copy);
        }
    }

    static DataValue ofNull() {
        return NullValue.INSTANCE;
    }

    static DataValue of(boolean b) {
        return b ? BoolValue.TRUE : BoolValue.FALSE;
    }

    static DataValue of(long n) {
        return new IntValue(n);
    }

    static DataValue of(String s) {
        return new TextValue(s);
    }

    static DataValue of(Cid cid) {
        return new LinkValue(cid);
    }

    static DataValue bytes(byte[] b) {
        return new BytesValue(b);
    }

    static ListValue list(List<? extends DataValue> items) {
        return new ListValue(new ArrayList<>(items));
    }

    /** A map from alternating keys and values: {@code DataValue.map("a", of(1), "b", of("x"))}. */
    static MapValue map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Map<String, DataValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (DataValue) keysAndValues[i + 1]);
        }
        return new MapValue(m);
    }
}
