package org.auroralocus.server.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.plc.PlcClient;
import org.auroralocus.atproto.identity.plc.PlcOp;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.PlcTombstone;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * The server's side of did:plc: it signs operations with the server's rotation key
 * ({@code PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX}) and sends them to the configured directory.
 */
public final class PlcIdentity {
    private final PlcClient plc;
    private final KeyPair rotationKey;
    private final String pdsEndpoint;
    private final Optional<PublicKey> serverRecoveryKey;

    /** @param serverRecoveryKey the operator's {@code PDS_RECOVERY_DID_KEY}, if set */
    public PlcIdentity(PlcClient plc, KeyPair rotationKey, String pdsEndpoint, Optional<PublicKey> serverRecoveryKey) {
        this.plc = plc;
        this.rotationKey = rotationKey;
        this.pdsEndpoint = pdsEndpoint;
        this.serverRecoveryKey = serverRecoveryKey;
    }

    /**
     * A signed genesis operation for a new account; its DID is {@link SignedPlcOp#genesisDid()}.
     * A user-supplied recovery key comes first in the rotation keys, then the operator's, then the
     * server's, as in the official PDS: an earlier key can override a later one within the
     * recovery window.
     */
    public SignedPlcOp genesis(Handle handle, PublicKey signingKey, Optional<PublicKey> recoveryKey) {
        List<PublicKey> rotationKeys = new ArrayList<>();
        recoveryKey.ifPresent(rotationKeys::add);
        serverRecoveryKey.ifPresent(rotationKeys::add);
        rotationKeys.add(rotationKey.publicKey());
        return PlcOperation.atprotoGenesis(rotationKeys, signingKey, handle, pdsEndpoint).sign(rotationKey);
    }

    public void submit(Did did, SignedPlcOp op) {
        plc.submit(did, op);
    }

    /** Signs with the server's rotation key: whatever the caller built, so the caller decides what may be signed. */
    public SignedPlcOp sign(PlcOp op) {
        return op.sign(rotationKey);
    }

    /** Points the DID document's {@code alsoKnownAs} at the new handle. */
    public void updateHandle(Did did, Handle handle) {
        PlcOperation next = plc.lastOp(did).nextOperation()
                .orElseThrow(() -> new IllegalStateException(did + " is tombstoned"));
        if (next.handle().equals(Optional.of(handle))) return;
        plc.submit(did, next.withHandle(handle).sign(rotationKey));
    }

    /** Retires a DID this server created but could not finish setting up. */
    public void tombstone(Did did) {
        SignedPlcOp last = plc.lastOp(did);
        plc.submit(did, new PlcTombstone(last.cid()).sign(rotationKey));
    }

    public ObjectNode document(Did did) {
        return plc.document(did);
    }

    public PlcClient client() {
        return plc;
    }

    public PublicKey rotationKey() {
        return rotationKey.publicKey();
    }

    /** This server's URL as DID documents name it ({@code #atproto_pds}). */
    public String pdsEndpoint() {
        return pdsEndpoint;
    }
}
