package org.auroralocus.atproto.identity.plc;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/**
 * The checks every PLC operation must pass, as the official directory makes them: a genesis
 * operation hashes to its DID and is signed by one of its own rotation keys; every later operation
 * names the one before it in {@code prev} and is signed by one of that operation's rotation keys;
 * nothing follows a tombstone. Failures throw {@link InvalidPlcOperationException} with the official
 * directory's messages. Recovery (a higher-authority key forking history within 72 hours) is a
 * directory's business and not checked here: a log given to {@link #log} is one unbroken chain.
 */
public final class PlcVerifier {
    static final String MISORDERED = "Operations not correctly ordered";

    private PlcVerifier() {}

    /** Checks that {@code op} creates {@code did}; returns the state it creates. */
    public static PlcOperation genesis(Did did, SignedPlcOp op) {
        PlcOperation state = op.state().orElseThrow(() -> new InvalidPlcOperationException(MISORDERED));
        if (op.op().prev().isPresent()) {
            throw new InvalidPlcOperationException("Improperly formatted operation, expected null prev on create");
        }
        requireSignature(state.rotationKeys(), op);
        Did expected = op.genesisDid();
        if (!expected.equals(did)) {
            throw new InvalidPlcOperationException("Hash of genesis operation does not match DID identifier: " + expected);
        }
        return state;
    }

    /** Checks that {@code proposed} may follow {@code head}, the latest operation of a log. */
    public static void next(SignedPlcOp head, SignedPlcOp proposed) {
        PlcOperation state = head.state().orElseThrow(() -> new InvalidPlcOperationException(MISORDERED));
        if (proposed.op() instanceof PlcLegacyCreate || !proposed.op().prev().equals(Optional.of(head.cid()))) {
            throw new InvalidPlcOperationException(MISORDERED);
        }
        requireSignature(state.rotationKeys(), proposed);
    }

    /**
     * Verifies a whole log of {@code did}, oldest first, and returns the state it ends in: empty when
     * it ends in a tombstone.
     */
    public static Optional<PlcData> log(Did did, List<SignedPlcOp> ops) {
        if (ops.isEmpty()) throw new InvalidPlcOperationException("the operation log of " + did + " is empty");
        genesis(did, ops.getFirst());
        for (int i = 1; i < ops.size(); i++) next(ops.get(i - 1), ops.get(i));
        return PlcData.of(did, ops.getLast());
    }

    private static void requireSignature(List<String> rotationKeys, SignedPlcOp op) {
        if (op.signerAmong(rotationKeys).isEmpty()) {
            throw new InvalidPlcOperationException("Invalid signature on op: " + op.toJson());
        }
    }
}
