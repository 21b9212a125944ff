package org.auroralocus.atproto.mst;

import java.util.Objects;
import org.auroralocus.atproto.cbor.Cid;

/** One key of the tree and the CID it maps to (a record's CID in a repository). */
public record MstEntry(String key, Cid value) {
    public MstEntry {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
    }
}
