package org.auroralocus.atproto.cbor;

import java.util.Arrays;
import java.util.Objects;

/** Encoded bytes with their CID: the unit a repository and a CAR file store. Equal by content. */
public record Block(Cid cid, byte[] bytes) {
    public Block {
        Objects.requireNonNull(cid);
        Objects.requireNonNull(bytes);
    }

    public DataValue decode() {
        return DagCbor.decode(bytes);
    }

    // a record compares arrays by identity; two blocks with the same bytes are the same block
    @Override public boolean equals(Object o) {
        return o instanceof Block other && cid.equals(other.cid) && Arrays.equals(bytes, other.bytes);
    }

    @Override public int hashCode() {
        return cid.hashCode();
    }

    @Override public String toString() {
        return "Block[" + cid + ", " + bytes.length + " bytes]";
    }
}
