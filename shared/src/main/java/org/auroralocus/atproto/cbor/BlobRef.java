package org.auroralocus.atproto.cbor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a blob (https://atproto.com/specs/data-model#blob-type): in the data model a map
 * {@code {"$type": "blob", "ref": <link>, "mimeType": <string>, "size": <integer>}} with exactly
 * those keys. The deprecated legacy form ({@code {"cid": <string>, "mimeType": <string>}}) is an
 * ordinary map here: the spec asks readers to tolerate it and writers never to produce it.
 *
 * @param size length in bytes; the spec asks for a positive size, but an empty upload is a real
 *             blob, so zero is accepted and only a negative size (the legacy marker) refused
 */
public record BlobRef(Cid ref, String mimeType, long size) {
    static final String TYPE = "blob";

    public BlobRef {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(mimeType, "mimeType");
        if (mimeType.isEmpty()) throw new DagCborException("blob mimeType must not be empty");
        if (size < 0) throw new DagCborException("blob size must not be negative: " + size);
    }

    /** The map this reference is stored as. */
    public DataValue.MapValue toDataValue() {
        return DataValue.map(
                "$type", DataValue.of(TYPE),
                "ref", DataValue.of(ref),
                "mimeType", DataValue.of(mimeType),
                "size", DataValue.of(size));
    }

    /**
     * The reference a value holds, if it is a map with {@code $type: "blob"}; empty for any other
     * value. A map that says it is a blob but has the wrong shape is an error, not "no blob".
     */
    public static Optional<BlobRef> from(DataValue value) {
        if (!(value instanceof DataValue.MapValue map) || !(map.entries().get("$type") instanceof DataValue.TextValue type)
                || !type.value().equals(TYPE)) {
            return Optional.empty();
        }
        if (!(map.entries().get("ref") instanceof DataValue.LinkValue ref)) {
            throw new DagCborException("blob ref is missing or not a link");
        }
        if (!(map.entries().get("mimeType") instanceof DataValue.TextValue mimeType)) {
            throw new DagCborException("blob mimeType is missing or not a string");
        }
        if (!(map.entries().get("size") instanceof DataValue.IntValue size)) {
            throw new DagCborException("blob size is missing or not an integer");
        }
        if (map.entries().size() != 4) {
            throw new DagCborException("blob must have exactly the keys $type, ref, mimeType and size");
        }
        return Optional.of(new BlobRef(ref.cid(), mimeType.value(), size.value()));
    }

    /** Every blob reference inside a value (a record), in the order met, repeats included. */
    public static List<BlobRef> findAll(DataValue value) {
        List<BlobRef> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(DataValue value, List<BlobRef> found) {
        switch (value) {
            case DataValue.ListValue list -> list.items().forEach(item -> collect(item, found));
            case DataValue.MapValue map -> {
                Optional<BlobRef> blob = from(map);
                if (blob.isPresent()) found.add(blob.get());
                else map.entries().values().forEach(item -> collect(item, found));
            }
            case DataValue.NullValue _, DataValue.BoolValue _, DataValue.IntValue _, DataValue.TextValue _,
                 DataValue.BytesValue _, DataValue.LinkValue _ -> { }
        }
    }
}
