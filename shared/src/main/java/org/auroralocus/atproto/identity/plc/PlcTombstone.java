package org.auroralocus.atproto.identity.plc;

import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;

/** {@code plc_tombstone}: ends a DID for good. It always follows an operation, named by {@code previous}. */
public record PlcTombstone(Cid previous) implements PlcOp {
    public static final String TYPE = "plc_tombstone";

    public PlcTombstone {
        Objects.requireNonNull(previous, "previous");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Cid> prev() {
        return Optional.of(previous);
    }

    @Override
    public DataValue.MapValue unsignedValue() {
        return DataValue.map("type", DataValue.of(TYPE), "prev", DataValue.of(previous.toString()));
    }
}
