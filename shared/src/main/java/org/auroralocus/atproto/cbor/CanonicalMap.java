package org.auroralocus.atproto.cbor;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable entries of a {@link DataValue.MapValue}, kept in DAG-CBOR canonical key order.
 * Sorting once when a map is built means the encoder writes entries as they are, the decoder
 * (which has checked the order) hands its arrays over without copying or sorting, and two equal
 * maps always iterate alike.
 */
final class CanonicalMap extends AbstractMap<String, DataValue> {
    static final CanonicalMap EMPTY = new CanonicalMap(new String[0], new DataValue[0]);
    /** Up to this size a linear scan with {@code equals} beats a binary search in canonical order. */
    private static final int LINEAR_LOOKUP = 16;

    private final String[] keys;
    private final DataValue[] values;

    private CanonicalMap(String[] keys, DataValue[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** Takes arrays that are already in canonical order and not shared (the decoder's). */
    static CanonicalMap ofSorted(String[] keys, DataValue[] values) {
        return keys.length == 0 ? EMPTY : new CanonicalMap(keys, values);
    }

    /** Copies and sorts any map; fails on a null key or value or a key with no UTF-8 form. */
    static CanonicalMap copyOf(Map<String, ? extends DataValue> source) {
        if (source instanceof CanonicalMap c) return c;
        int n = source.size();
        if (n == 0) return EMPTY;
        String[] keys = new String[n];
        int[] lengths = new int[n];
        Integer[] order = new Integer[n];
        DataValue[] unsorted = new DataValue[n];
        int i = 0;
        for (Map.Entry<String, ? extends DataValue> e : source.entrySet()) {
            keys[i] = Objects.requireNonNull(e.getKey(), "map key");
            unsorted[i] = Objects.requireNonNull(e.getValue(), () -> "value of map key " + e.getKey());
            lengths[i] = Utf8.encodedLength(keys[i]);
            order[i] = i;
            i++;
        }
        Arrays.sort(order, (a, b) -> CanonicalKeyOrder.compare(keys[a], lengths[a], keys[b], lengths[b]));
        String[] sortedKeys = new String[n];
        DataValue[] sortedValues = new DataValue[n];
        for (int k = 0; k < n; k++) {
            sortedKeys[k] = keys[order[k]];
            sortedValues[k] = unsorted[order[k]];
        }
        return new CanonicalMap(sortedKeys, sortedValues);
    }

    String keyAt(int index) {
        return keys[index];
    }

    DataValue valueAt(int index) {
        return values[index];
    }

    @Override public int size() {
        return keys.length;
    }

    @Override public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override public DataValue get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    private int indexOf(Object key) {
        if (!(key instanceof String k)) return -1;
        if (keys.length <= LINEAR_LOOKUP) {
            for (int i = 0; i < keys.length; i++) if (keys[i].equals(k)) return i;
            return -1;
        }
        int length;
        try {
            length = Utf8.encodedLength(k);
        } catch (DagCborException e) {
            return -1; // a key with no UTF-8 form cannot be in the map
        }
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = CanonicalKeyOrder.compare(keys[mid], Utf8.encodedLength(keys[mid]), k, length);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    @Override public void forEach(BiConsumer<? super String, ? super DataValue> action) {
        for (int i = 0; i < keys.length; i++) action.accept(keys[i], values[i]);
    }

    @Override public Set<Entry<String, DataValue>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() {
                return keys.length;
            }

            @Override public Iterator<Entry<String, DataValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override public Entry<String, DataValue> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        int i = next++;
                        return Map.entry(keys[i], values[i]);
                    }
                };
            }
        };
    }

    @Override public boolean equals(Object o) {
        // equal maps in canonical order hold the same keys at the same positions
        if (o instanceof CanonicalMap other) return Arrays.equals(keys, other.keys) && Arrays.equals(values, other.values);
        return super.equals(o);
    }

    @Override public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) h += keys[i].hashCode() ^ values[i].hashCode();
        return h;
    }
}
