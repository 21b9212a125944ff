package org.auroralocus.atproto.mst;

import org.auroralocus.atproto.cbor.Cid;

/**
 * Insert, update and delete on immutable nodes. Each copies only the nodes on the key's path (and,
 * for a split or a merge, the nodes along the seam), so an edit reads and builds O(height) nodes.
 * The result is the one tree the spec allows for the new set of keys, whatever the history.
 */
final class MstEdits {
    private MstEdits() {}

    static MstNode add(MstNode root, byte[] key, int keyHeight, Cid value, String text) {
        if (keyHeight <= root.height()) return insert(root, key, keyHeight, value, text);
        // The key belongs above the whole tree: the old tree splits around it, and each half is
        // lifted through empty nodes so that the new root's links do not skip a height.
        MstNode[] halves = split(root, key);
        MstNode left = halves[0];
        MstNode right = halves[1];
        for (int h = root.height(); h < keyHeight - 1; h++) {
            if (left != null) left = MstNode.above(left);
            if (right != null) right = MstNode.above(right);
        }
        return MstNode.built(keyHeight, new byte[][] {key}, new Cid[] {value}, new MstNode[] {left, right});
    }

    private static MstNode insert(MstNode node, byte[] key, int keyHeight, Cid value, String text) {
        int found = node.search(key);
        if (found >= 0) throw new MstKeyExistsException(text);
        int i = -found - 1;
        MstNode gap = node.gap(i);
        if (keyHeight == node.height()) {
            MstNode[] halves = split(gap, key);
            return node.withEntry(i, key, value, halves[0], halves[1]);
        }
        MstNode child = gap == null ? chain(node.height() - 1, key, keyHeight, value) : insert(gap, key, keyHeight, value, text);
        return node.withGap(i, child);
    }

    /** A new subtree of the given height holding just the key, through empty nodes down to its height. */
    private static MstNode chain(int height, byte[] key, int keyHeight, Cid value) {
        return height == keyHeight ? MstNode.single(height, key, value) : MstNode.above(chain(height - 1, key, keyHeight, value));
    }

    /** The subtree's keys below and above {@code key} (which it does not hold), as two subtrees of its height. */
    private static MstNode[] split(MstNode node, byte[] key) {
        if (node == null) return new MstNode[2];
        int i = -node.search(key) - 1;
        MstNode[] inner = split(node.gap(i), key);
        return new MstNode[] {node.head(i, inner[0]), node.tail(i, inner[1])};
    }

    static MstNode update(MstNode node, byte[] key, int keyHeight, Cid value, String text) {
        int found = node.search(key);
        if (found >= 0) return node.withValue(found, value);
        MstNode gap = keyHeight < node.height() ? node.gap(-found - 1) : null;
        if (gap == null) throw new MstKeyNotFoundException(text);
        return node.withGap(-found - 1, update(gap, key, keyHeight, value, text));
    }

    static MstNode delete(MstNode root, byte[] key, int keyHeight, String text) {
        MstNode node = remove(root, key, keyHeight, text);
        // the spec prunes empty nodes from the top: the root must hold entries, or be the empty tree
        while (node.size() == 0 && node.gap(0) != null) node = node.gap(0);
        return node.isEmpty() ? MstNode.empty() : node;
    }

    private static MstNode remove(MstNode node, byte[] key, int keyHeight, String text) {
        int found = node.search(key);
        if (found >= 0) return node.withoutEntry(found, merge(node.gap(found), node.gap(found + 1)));
        int i = -found - 1;
        MstNode gap = keyHeight < node.height() ? node.gap(i) : null;
        if (gap == null) throw new MstKeyNotFoundException(text);
        MstNode child = remove(gap, key, keyHeight, text);
        return node.withGap(i, child.isEmpty() ? null : child);
    }

    /** Two neighbouring subtrees of one height (every key of {@code a} below every key of {@code b}) as one. */
    private static MstNode merge(MstNode a, MstNode b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.concat(merge(a.gap(a.size()), b.gap(0)), b);
    }
}
