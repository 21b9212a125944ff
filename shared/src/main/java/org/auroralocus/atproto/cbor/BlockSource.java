package org.auroralocus.atproto.cbor;

import java.util.Optional;

/**
 * Where encoded blocks are looked up by CID: an in-memory {@link BlockMap}, a CAR being read,
 * or (in the server) an actor's SQLite store. The MST and repository code read through this.
 */
@FunctionalInterface
public interface BlockSource {
    Optional<byte[]> get(Cid cid);

    /** The block's bytes, or a {@link MissingBlockException} naming it. */
    default byte[] require(Cid cid) {
        return get(cid).orElseThrow(() -> new MissingBlockException(cid));
    }
}
