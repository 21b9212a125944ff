package org.auroralocus.atproto.identity.plc;

import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Signer;

/**
 * An unsigned PLC operation: exactly what a signature covers. Sign it with a rotation key to get the
 * {@link SignedPlcOp} a directory accepts.
 */
public sealed interface PlcOp permits PlcOperation, PlcTombstone, PlcLegacyCreate {
    /** The {@code type} field: {@code plc_operation}, {@code plc_tombstone} or {@code create}. */
    String type();

    /** The CID of the operation this one follows; empty for a genesis operation. */
    Optional<Cid> prev();

    /**
     * The operation in the data model without {@code sig} (absent, not null): its DAG-CBOR is what
     * gets signed. {@code prev} is a CID <em>string</em> here, not a link, as the spec requires.
     */
    DataValue.MapValue unsignedValue();

    /** Signs the DAG-CBOR of {@link #unsignedValue()} with a rotation key. */
    default SignedPlcOp sign(Signer rotationKey) {
        byte[] signature = rotationKey.sign(DagCbor.encode(unsignedValue()));
        return new SignedPlcOp(this, PlcSignature.encode(signature));
    }
}
