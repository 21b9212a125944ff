package org.auroralocus.atproto.car;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataValue;

/**
 * The header of a CAR v1 file: its root CIDs. For an atproto repository export the first root is
 * the commit (https://atproto.com/specs/repository#car-file-serialization).
 */
public record CarHeader(List<Cid> roots) {
    static final long VERSION = 1;

    public CarHeader {
        roots = List.copyOf(roots);
    }

    /** The first root, which atproto defines as the one that matters. */
    public Optional<Cid> firstRoot() {
        return roots.isEmpty() ? Optional.empty() : Optional.of(roots.getFirst());
    }

    byte[] encode() {
        List<DataValue> links = roots.stream().map(DataValue::of).toList();
        return DagCbor.encode(DataValue.map("version", DataValue.of(VERSION), "roots", DataValue.list(links)));
    }

    /** Decodes {@code {version: 1, roots: [links]}}; other keys are ignored, as the CAR spec allows. */
    static CarHeader decode(byte[] bytes) {
        DataValue value;
        try {
            value = DagCbor.decode(bytes);
        } catch (DagCborException e) {
            throw new CarException("CAR header is not valid DAG-CBOR: " + e.getMessage(), e);
        }
        if (!(value instanceof DataValue.MapValue map)) throw new CarException("CAR header is not a map");
        DataValue version = map.get("version").orElseThrow(() -> new CarException("CAR header has no version"));
        if (!(version instanceof DataValue.IntValue(long v)) || v != VERSION) {
            throw new CarException("unsupported CAR version " + describe(version) + " (only CAR v1 is supported)");
        }
        DataValue roots = map.get("roots").orElseThrow(() -> new CarException("CAR header has no roots"));
        if (!(roots instanceof DataValue.ListValue(List<DataValue> items))) throw new CarException("CAR header roots is not a list");
        return new CarHeader(items.stream().map(CarHeader::root).toList());
    }

    private static Cid root(DataValue item) {
        if (item instanceof DataValue.LinkValue(Cid cid)) return cid;
        throw new CarException("CAR header root is not a CID link: " + describe(item));
    }

    private static String describe(DataValue value) {
        return switch (value) {
            case DataValue.IntValue(long v) -> Long.toString(v);
            case DataValue.TextValue(String t) -> '"' + t + '"';
            default -> value.getClass().getSimpleName();
        };
    }
}
