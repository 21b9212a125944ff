package org.auroralocus.atproto.identity.plc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.auroralocus.atproto.syntax.Did;

/**
 * A PLC directory (https://plc.directory or the server's embedded one). Every method throws a
 * {@link PlcClientException}: {@link PlcNotFoundException} for an unknown (or, for the document and
 * data, tombstoned) DID, {@link PlcRejectedException} for a refused operation, and
 * {@link PlcUnavailableException} when there is no usable answer.
 */
public interface PlcClient {
    /** {@code POST /{did}}: submits a signed operation (genesis, update or tombstone). */
    void submit(Did did, SignedPlcOp op);

    /** {@code GET /{did}}: the DID document. */
    ObjectNode document(Did did);

    /** {@code GET /{did}/data}: the current state. */
    PlcData data(Did did);

    /** {@code GET /{did}/log}: the operations in force, oldest first. */
    List<SignedPlcOp> log(Did did);

    /** {@code GET /{did}/log/audit}: every operation with its CID and acceptance time, nullified ones too. */
    List<PlcAuditEntry> auditLog(Did did);

    /** {@code GET /{did}/log/last}: the latest operation, whose CID the next one's {@code prev} must name. */
    SignedPlcOp lastOp(Did did);
}
