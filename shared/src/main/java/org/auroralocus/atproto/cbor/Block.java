package org.auroralocus.atproto.cbor;

/** Encoded bytes with their CID: the unit a repository and a CAR file store. */
public record Block(Cid cid, byte[] bytes) {
    public Block {
        java.util.Objects.requireNonNull(cid);
        java.util.Objects.requireNonNull(bytes);
    }

    public DataValue decode() {
        return DagCbor.decode(bytes);
    }
}
