package org.auroralocus.atproto.mst;

import java.util.Arrays;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;

/**
 * One node of the tree: entries (key, value) at one height, and the subtrees ("gaps") around them,
 * {@code gap(0) key(0) gap(1) key(1) ... key(n-1) gap(n)}; a gap holds the keys between its
 * neighbours, one height lower, and is null when there are none. Nodes never change.
 *
 * <p>A node is either <em>stored</em> (known by CID, its contents read from a {@link BlockSource} and
 * checked on first use) or <em>built</em> (made in memory by an edit, encoded and hashed on first
 * use of its CID). Either way the CID and contents are computed at most once and then shared by
 * every tree that contains the node. The caches are idempotent, so racing threads at worst compute
 * the same value twice.
 */
final class MstNode {
    /** The height of a root loaded by CID, which only its keys (or its child) can tell. */
    static final int UNKNOWN_HEIGHT = -1;

    private final BlockSource source;
    private final int expectedHeight;
    /** For a stored node, the keys it must lie strictly between (null: unbounded), from its parent. */
    private final byte[] lowerBound;
    private final byte[] upperBound;
    private volatile Cid cid;
    private volatile Contents contents;
    private volatile byte[] block;

    /** What a node holds; the arrays are never modified after construction. */
    static final class Contents {
        final int height;
        final byte[][] keys;
        final Cid[] values;
        final MstNode[] gaps;

        Contents(int height, byte[][] keys, Cid[] values, MstNode[] gaps) {
            this.height = height;
            this.keys = keys;
            this.values = values;
            this.gaps = gaps;
        }
    }

    private MstNode(BlockSource source, int expectedHeight, byte[] lowerBound, byte[] upperBound, Cid cid, Contents contents) {
        this.source = source;
        this.expectedHeight = expectedHeight;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.cid = cid;
        this.contents = contents;
    }

    /** A root known by CID, read when first used. */
    static MstNode stored(BlockSource source, Cid cid) {
        return new MstNode(source, UNKNOWN_HEIGHT, null, null, cid, null);
    }

    /** A stored subtree: its parent tells its height and the keys it must lie between. */
    static MstNode stored(BlockSource source, Cid cid, int height, byte[] lowerBound, byte[] upperBound) {
        return new MstNode(source, height, lowerBound, upperBound, cid, null);
    }

    static MstNode built(int height, byte[][] keys, Cid[] values, MstNode[] gaps) {
        assert gaps.length == keys.length + 1 && values.length == keys.length;
        return new MstNode(null, height, null, null, null, new Contents(height, keys, values, gaps));
    }

    /** The node of the empty tree, the one node that may have neither entries nor subtrees. */
    static MstNode empty() {
        return built(0, new byte[0][], new Cid[0], new MstNode[1]);
    }

    /** A node with one entry and no subtrees. */
    static MstNode single(int height, byte[] key, Cid value) {
        return built(height, new byte[][] {key}, new Cid[] {value}, new MstNode[2]);
    }

    /** A node with no entries above {@code child}: the spec keeps these so links never skip a height. */
    static MstNode above(MstNode child) {
        return built(child.height() + 1, new byte[0][], new Cid[0], new MstNode[] {child});
    }

    boolean isBuilt() {
        return source == null;
    }

    Cid cid() {
        Cid c = cid;
        if (c == null) {
            byte[] bytes = NodeCodec.encode(contents);
            block = bytes;
            cid = c = Cid.ofDagCbor(bytes);
        }
        return c;
    }

    /** The node's encoded block: from memory for a built node, from the source for a stored one. */
    byte[] blockBytes() {
        if (isBuilt()) {
            cid();
            return block;
        }
        return source.require(cid);
    }

    private Contents contents() {
        Contents c = contents;
        if (c == null) contents = c = NodeCodec.decode(source, cid, source.require(cid), expectedHeight, lowerBound, upperBound);
        return c;
    }

    int height() {
        return contents().height;
    }

    int size() {
        return contents().keys.length;
    }

    byte[] key(int i) {
        return contents().keys[i];
    }

    Cid value(int i) {
        return contents().values[i];
    }

    /** The subtree before entry i (i == size() is the one after the last entry), or null. */
    MstNode gap(int i) {
        return contents().gaps[i];
    }

    /** True for a node with neither entries nor subtrees: pruned everywhere but the empty root. */
    boolean isEmpty() {
        Contents c = contents();
        return c.keys.length == 0 && c.gaps[0] == null;
    }

    /** Like {@link Arrays#binarySearch}: the entry's index, or -(insertion point) - 1. */
    int search(byte[] key) {
        byte[][] keys = contents().keys;
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = MstKey.compare(keys[mid], key);
            if (cmp < 0) lo = mid + 1;
            else if (cmp > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    // Copy-on-write edits: each returns a new node sharing every untouched key, value and subtree.

    MstNode withValue(int i, Cid value) {
        Contents c = contents();
        Cid[] values = c.values.clone();
        values[i] = value;
        return built(c.height, c.keys, values, c.gaps);
    }

    MstNode withGap(int i, MstNode gap) {
        Contents c = contents();
        MstNode[] gaps = c.gaps.clone();
        gaps[i] = gap;
        return built(c.height, c.keys, c.values, gaps);
    }

    /** Puts a new entry at index i, replacing gap i with {@code before} and {@code after} around it. */
    MstNode withEntry(int i, byte[] key, Cid value, MstNode before, MstNode after) {
        Contents c = contents();
        int n = c.keys.length;
        byte[][] keys = new byte[n + 1][];
        Cid[] values = new Cid[n + 1];
        MstNode[] gaps = new MstNode[n + 2];
        System.arraycopy(c.keys, 0, keys, 0, i);
        System.arraycopy(c.values, 0, values, 0, i);
        System.arraycopy(c.gaps, 0, gaps, 0, i);
        keys[i] = key;
        values[i] = value;
        gaps[i] = before;
        gaps[i + 1] = after;
        System.arraycopy(c.keys, i, keys, i + 1, n - i);
        System.arraycopy(c.values, i, values, i + 1, n - i);
        System.arraycopy(c.gaps, i + 1, gaps, i + 2, n - i);
        return built(c.height, keys, values, gaps);
    }

    /** Removes entry i; its two neighbouring gaps become the one gap {@code merged}. */
    MstNode withoutEntry(int i, MstNode merged) {
        Contents c = contents();
        int n = c.keys.length;
        byte[][] keys = new byte[n - 1][];
        Cid[] values = new Cid[n - 1];
        MstNode[] gaps = new MstNode[n];
        System.arraycopy(c.keys, 0, keys, 0, i);
        System.arraycopy(c.values, 0, values, 0, i);
        System.arraycopy(c.gaps, 0, gaps, 0, i);
        gaps[i] = merged;
        System.arraycopy(c.keys, i + 1, keys, i, n - i - 1);
        System.arraycopy(c.values, i + 1, values, i, n - i - 1);
        System.arraycopy(c.gaps, i + 2, gaps, i + 1, n - i - 1);
        return built(c.height, keys, values, gaps);
    }

    /** Entries [0, i) with their gaps, {@code last} as the gap after them; null if that is nothing. */
    MstNode head(int i, MstNode last) {
        Contents c = contents();
        if (i == 0 && last == null) return null;
        MstNode[] gaps = Arrays.copyOf(c.gaps, i + 1);
        gaps[i] = last;
        return built(c.height, Arrays.copyOf(c.keys, i), Arrays.copyOf(c.values, i), gaps);
    }

    /** Entries [i, size) with their gaps, {@code first} as the gap before them; null if that is nothing. */
    MstNode tail(int i, MstNode first) {
        Contents c = contents();
        int n = c.keys.length;
        if (i == n && first == null) return null;
        MstNode[] gaps = Arrays.copyOfRange(c.gaps, i, n + 1);
        gaps[0] = first;
        return built(c.height, Arrays.copyOfRange(c.keys, i, n), Arrays.copyOfRange(c.values, i, n), gaps);
    }

    /** This node's entries followed by {@code right}'s, with {@code middle} between them. */
    MstNode concat(MstNode middle, MstNode right) {
        Contents a = contents();
        Contents b = right.contents();
        int n = a.keys.length;
        int m = b.keys.length;
        byte[][] keys = new byte[n + m][];
        Cid[] values = new Cid[n + m];
        MstNode[] gaps = new MstNode[n + m + 1];
        System.arraycopy(a.keys, 0, keys, 0, n);
        System.arraycopy(b.keys, 0, keys, n, m);
        System.arraycopy(a.values, 0, values, 0, n);
        System.arraycopy(b.values, 0, values, n, m);
        System.arraycopy(a.gaps, 0, gaps, 0, n);
        gaps[n] = middle;
        System.arraycopy(b.gaps, 1, gaps, n + 1, m);
        return built(a.height, keys, values, gaps);
    }
}
