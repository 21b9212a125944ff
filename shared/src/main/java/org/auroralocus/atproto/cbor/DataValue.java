package org.auroralocus.atproto.cbor;

import java.util.Arrays;
import java.util.HashMap;
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

    /** A string of Unicode scalar values: an unpaired surrogate has no UTF-8 form, so it is refused. */
    record TextValue(String value) implements DataValue {
        public TextValue {
            java.util.Objects.requireNonNull(value);
            Utf8.requireWellFormed(value);
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

    /**
     * A map with string keys. The entries are immutable and iterate in DAG-CBOR canonical key order
     * (shorter UTF-8 keys first, then bytewise), whatever order they were given in.
     */
    record MapValue(Map<String, DataValue> entries) implements DataValue {
        public MapValue {
            entries = CanonicalMap.copyOf(entries);
        }

        CanonicalMap canonical() {
            return (CanonicalMap) entries;
        }

        public Optional<DataValue> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<String> text(String key) {
            return entries.get(key) instanceof TextValue t ? Optional.of(t.value()) : Optional.empty();
        }

        /** A copy with one more (or a replaced) entry. */
        public MapValue with(String key, DataValue value) {
            Map<String, DataValue> copy = new HashMap<>(entries);
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
        return new ListValue(List.copyOf(items));
    }

    /** A map from alternating keys and values: {@code DataValue.map("a", of(1), "b", of("x"))}. */
    static MapValue map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Map<String, DataValue> m = HashMap.newHashMap(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            if (m.put(key, (DataValue) keysAndValues[i + 1]) != null) throw new IllegalArgumentException("duplicate key " + key);
        }
        return new MapValue(m);
    }
}
