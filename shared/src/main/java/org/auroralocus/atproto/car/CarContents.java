package org.auroralocus.atproto.car;

import java.util.List;
import java.util.Objects;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.Cid;

/** A whole (small) CAR file in memory: its roots and its blocks, de-duplicated by CID in file order. */
public record CarContents(List<Cid> roots, BlockMap blocks) {
    public CarContents {
        roots = List.copyOf(roots);
        Objects.requireNonNull(blocks);
    }
}
