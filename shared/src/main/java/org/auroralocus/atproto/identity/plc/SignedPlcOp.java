package org.auroralocus.atproto.identity.plc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.KeyFormatException;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.multibase.Base32;
import org.auroralocus.atproto.syntax.Did;

/**
 * A PLC operation with its {@code sig}: what a directory stores and serves. Holding one says nothing
 * about whether the signature is valid; {@link #signerAmong} and {@link PlcVerifier} check that.
 */
public record SignedPlcOp(PlcOp op, String sig) {
    private static final int DID_PLC_ID_LENGTH = 24;

    public SignedPlcOp {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(sig, "sig");
    }

    /** Parses an operation of any type from its JSON text; throws {@link InvalidPlcOperationException}. */
    public static SignedPlcOp parse(String json) {
        return PlcOpJson.parse(json);
    }

    /** Reads an operation of any type from JSON; extra or missing fields and wrong types are rejected. */
    public static SignedPlcOp fromJson(JsonNode json) {
        return PlcOpJson.read(json);
    }

    /** The JSON a directory accepts and serves. */
    public ObjectNode toJson() {
        return PlcOpJson.write(this);
    }

    /** The signed operation in the data model: the unsigned fields plus {@code sig}. */
    public DataValue.MapValue toDataValue() {
        return op.unsignedValue().with("sig", DataValue.of(sig));
    }

    /** The DAG-CBOR of the signed operation, which its CID and (for a genesis operation) its DID hash. */
    public byte[] dagCbor() {
        return DagCbor.encode(toDataValue());
    }

    /** The CID of the signed operation: what the next operation's {@code prev} names. */
    public Cid cid() {
        return Cid.ofDagCbor(dagCbor());
    }

    /**
     * The DID this genesis operation creates: {@code did:plc:} + the first 24 characters of the
     * base32 SHA-256 of its signed DAG-CBOR.
     *
     * @throws IllegalStateException for an operation with a {@code prev}, which names no DID
     */
    public Did genesisDid() {
        if (op.prev().isPresent()) throw new IllegalStateException("only a genesis operation (no prev) names a DID");
        byte[] digest = Cid.newSha256().digest(dagCbor());
        return Did.parse("did:plc:" + Base32.encode(digest).substring(0, DID_PLC_ID_LENGTH));
    }

    /**
     * The first of {@code rotationKeys} (did:key strings, highest authority first) whose strict
     * verification accepts {@code sig} over the unsigned operation. Keys that do not parse and a
     * {@code sig} that is not canonical base64url verify nothing.
     */
    public Optional<String> signerAmong(List<String> rotationKeys) {
        Optional<byte[]> signature = PlcSignature.decode(sig);
        if (signature.isEmpty()) return Optional.empty();
        byte[] data = DagCbor.encode(op.unsignedValue());
        return rotationKeys.stream().filter(key -> verifies(key, data, signature.get())).findFirst();
    }

    /** The state this operation leaves the DID in, as a regular operation; empty for a tombstone. */
    public Optional<PlcOperation> state() {
        return switch (op) {
            case PlcOperation regular -> Optional.of(regular);
            case PlcLegacyCreate legacy -> Optional.of(legacy.normalized());
            case PlcTombstone tombstone -> Optional.empty();
        };
    }

    /**
     * The start of an update: this operation's state following it ({@code prev} = {@link #cid()}),
     * to change with {@code with...} and sign. Empty after a tombstone, which nothing may follow.
     */
    public Optional<PlcOperation> nextOperation() {
        return state().map(s -> s.withPrev(cid()));
    }

    private static boolean verifies(String didKey, byte[] data, byte[] signature) {
        try {
            return PublicKey.parseDidKey(didKey).verify(data, signature);
        } catch (KeyFormatException e) {
            // a key we cannot read cannot have made this signature (directories admit no such rotation key)
            return false;
        }
    }
}
