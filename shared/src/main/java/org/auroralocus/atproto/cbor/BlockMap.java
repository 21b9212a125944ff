package org.auroralocus.atproto.cbor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory set of blocks in insertion order (what a commit adds, or a small CAR). Not thread-safe. */
public final class BlockMap implements BlockSource {
    private final Map<Cid, byte[]> blocks = new LinkedHashMap<>();

    /** Encodes the value, keeps the block, and returns its CID. */
    public Cid put(DataValue value) {
        Block block = DagCbor.block(value);
        blocks.put(block.cid(), block.bytes());
        return block.cid();
    }

    public void put(Block block) {
        blocks.put(block.cid(), block.bytes());
    }

    public void put(Cid cid, byte[] bytes) {
        blocks.put(cid, bytes);
    }

    public void putAll(BlockMap other) {
        blocks.putAll(other.blocks);
    }

    @Override public Optional<byte[]> get(Cid cid) {
        return Optional.ofNullable(blocks.get(cid));
    }

    public boolean contains(Cid cid) {
        return blocks.containsKey(cid);
    }

    public int size() {
        return blocks.size();
    }

    public Collection<Cid> cids() {
        return java.util.Collections.unmodifiableSet(blocks.keySet());
    }

    /** The blocks in insertion order. */
    public Iterable<Block> blocks() {
        return () -> blocks.entrySet().stream().map(e -> new Block(e.getKey(), e.getValue())).iterator();
    }
}
