package org.auroralocus.atproto.mst;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.auroralocus.atproto.cbor.BlockMap;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.MissingBlockException;

/**
 * A repository's Merkle Search Tree (https://atproto.com/specs/repository#mst-structure): keys
 * ({@code collection/rkey}) mapped to record CIDs, with a root CID that depends only on the mapping.
 *
 * <p>Immutable: {@link #add}, {@link #update} and {@link #delete} return a new tree that shares
 * every node off the key's path with this one. Stored nodes are read from the {@link BlockSource}
 * only when an operation reaches them, and each is checked against the spec as it is read (a
 * malformed one throws {@link InvalidMstException}; a missing one {@link MissingBlockException}).
 * New nodes are encoded and hashed once, when a CID is first needed. Safe to share between threads.
 */
public final class Mst {
    private final BlockSource source;
    private final MstNode root;

    private Mst(BlockSource source, MstNode root) {
        this.source = source;
        this.root = root;
    }

    /** The tree with no keys; its root is the node with no entries. */
    public static Mst empty(BlockSource source) {
        return new Mst(Objects.requireNonNull(source), MstNode.empty());
    }

    /** The stored tree with this root. Nothing is read until an operation needs it. */
    public static Mst load(BlockSource source, Cid root) {
        return new Mst(Objects.requireNonNull(source), MstNode.stored(source, Objects.requireNonNull(root)));
    }

    /** The tree of these entries, built in one pass (faster than adding them one by one). */
    public static Mst build(BlockSource source, Map<String, Cid> entries) {
        return new Mst(Objects.requireNonNull(source), MstBuilder.build(entries));
    }

    public Cid rootCid() {
        return root.cid();
    }

    public Optional<Cid> get(String key) {
        byte[] k = MstKey.bytes(key);
        MstNode node = root;
        while (node != null) {
            int found = node.search(k);
            if (found >= 0) return Optional.of(node.value(found));
            node = node.gap(-found - 1);
        }
        return Optional.empty();
    }

    /** The tree with one more key. Throws {@link MstKeyExistsException} if the key is present. */
    public Mst add(String key, Cid value) {
        byte[] k = MstKey.bytes(key);
        return with(MstEdits.add(root, k, MstKey.height(k), Objects.requireNonNull(value), key));
    }

    /** The tree with the key mapped to a new value. Throws {@link MstKeyNotFoundException} if it is absent. */
    public Mst update(String key, Cid value) {
        byte[] k = MstKey.bytes(key);
        return with(MstEdits.update(root, k, MstKey.height(k), Objects.requireNonNull(value), key));
    }

    /** The tree without the key. Throws {@link MstKeyNotFoundException} if it is absent. */
    public Mst delete(String key) {
        byte[] k = MstKey.bytes(key);
        return with(MstEdits.delete(root, k, MstKey.height(k), key));
    }

    private Mst with(MstNode newRoot) {
        return new Mst(source, newRoot);
    }

    /** All entries in key order, read lazily as the stream is consumed. */
    public Stream<MstEntry> entries() {
        return stream(new EntryIterator(root, null));
    }

    /** The entries whose key is {@code from} or after it, in key order, read lazily. */
    public Stream<MstEntry> entriesFrom(String from) {
        return stream(new EntryIterator(root, MstKey.bytes(from)));
    }

    private static Stream<MstEntry> stream(Iterator<MstEntry> entries) {
        int characteristics = Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries, characteristics), false);
    }

    /** The number of keys; reads the whole tree. */
    public long leafCount() {
        return entries().count();
    }

    /**
     * The blocks of this tree's nodes that its block source does not hold: what must be written to
     * storage to keep this tree. A node the source already holds is skipped with its subtree.
     */
    public BlockMap newBlocks() {
        BlockMap blocks = new BlockMap();
        Deque<MstNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            MstNode node = pending.pop();
            if (!node.isBuilt() || source.get(node.cid()).isPresent()) continue;
            blocks.put(node.cid(), node.blockBytes());
            for (int i = 0; i <= node.size(); i++) {
                if (node.gap(i) != null) pending.push(node.gap(i));
            }
        }
        return blocks;
    }

    /** The changes from {@code previous} to this tree, reading only the nodes in which they differ. */
    public MstDiff diffSince(Mst previous) {
        return MstDiffer.diff(previous.root, root);
    }

    /** The nodes on the path to the key: proof of its value, or of its absence, under {@link #rootCid()}. */
    public BlockMap proofBlocks(String key) {
        BlockMap blocks = new BlockMap();
        MstProofs.addPath(root, MstKey.bytes(key), blocks);
        return blocks;
    }

    /**
     * The nodes on the paths to the key and to its two neighbours: enough, with this tree's new
     * nodes, for a relay to undo an operation on the key and arrive at the previous root.
     */
    public BlockMap coveringProof(String key) {
        BlockMap blocks = new BlockMap();
        MstProofs.addCoveringProof(root, MstKey.bytes(key), blocks);
        return blocks;
    }

    /**
     * The MST blocks a {@code #commit} event carries when this tree follows {@code previous}
     * (https://atproto.com/specs/sync, sync v1.1): every node new since {@code previous}, plus the
     * covering proof in this tree of every changed key, so that the commit's operations can be
     * inverted from these blocks alone. Record blocks are the caller's to add.
     */
    public BlockMap commitBlocks(Mst previous) {
        MstDiff diff = diffSince(previous);
        return commitBlocks(diff, diff.keys());
    }

    /**
     * As {@link #commitBlocks(Mst)} for a diff already computed, with the proofs of {@code opKeys}:
     * the commit's operations, which may name keys whose value did not change.
     */
    public BlockMap commitBlocks(MstDiff diff, Collection<String> opKeys) {
        BlockMap blocks = new BlockMap();
        blocks.putAll(diff.newBlocks());
        for (String key : opKeys) MstProofs.addCoveringProof(root, MstKey.bytes(key), blocks);
        return blocks;
    }

    /**
     * Checks a proof for a key against a root CID: the key's value if the proof shows it present,
     * empty if it shows it absent. Throws {@link InvalidMstException} when the blocks do not prove
     * either: one is missing, or does not hash to the CID that links it.
     */
    public static Optional<Cid> verifyProof(Cid root, String key, BlockSource proof) {
        try {
            return load(proof, root).get(key);
        } catch (MissingBlockException e) {
            throw new InvalidMstException("the proof for " + key + " lacks block " + e.cid(), e);
        }
    }

    @Override public String toString() {
        return "Mst[" + (root.isBuilt() ? "modified" : root.cid()) + "]";
    }
}
