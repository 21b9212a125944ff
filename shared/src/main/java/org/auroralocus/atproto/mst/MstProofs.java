package org.auroralocus.atproto.mst;

import org.auroralocus.atproto.cbor.BlockMap;

/**
 * Which nodes prove something about a key. The path from the root towards a key proves its value,
 * or its absence: a verifier walking the same path finds the key, or the gap where it would be
 * with no subtree to look in.
 */
final class MstProofs {
    private MstProofs() {}

    /** The nodes from the root down to the key's node, or to where the key would be. */
    static void addPath(MstNode root, byte[] key, BlockMap blocks) {
        MstNode node = root;
        while (node != null) {
            blocks.put(node.cid(), node.blockBytes());
            int found = node.search(key);
            node = found >= 0 ? null : node.gap(-found - 1);
        }
    }

    /**
     * The path to the key and the paths to its neighbours in the tree: what a relay needs to undo an
     * operation on the key (sync v1.1, https://atproto.com/specs/sync). Re-inserting a deleted key
     * splits the nodes on its path; removing an added key merges the subtrees on either side of it,
     * whose seam is the path to the keys just before and just after it.
     */
    static void addCoveringProof(MstNode root, byte[] key, BlockMap blocks) {
        addPath(root, key, blocks);
        byte[] before = lastBefore(root, key);
        if (before != null) addPath(root, before, blocks);
        byte[] after = firstAfter(root, key);
        if (after != null) addPath(root, after, blocks);
    }

    /** The greatest key in the subtree below {@code key}, or null. */
    static byte[] lastBefore(MstNode node, byte[] key) {
        int found = node.search(key);
        int i = found >= 0 ? found : -found - 1;
        // gap i lies just below the key (or around it, when the key is not in this node)
        MstNode gap = node.gap(i);
        byte[] inGap = gap == null ? null : lastBefore(gap, key);
        if (inGap != null) return inGap;
        return i > 0 ? node.key(i - 1) : null;
    }

    /** The least key in the subtree above {@code key}, or null. */
    static byte[] firstAfter(MstNode node, byte[] key) {
        int found = node.search(key);
        int i = found >= 0 ? found + 1 : -found - 1;
        MstNode gap = node.gap(i);
        byte[] inGap = gap == null ? null : firstAfter(gap, key);
        if (inGap != null) return inGap;
        return i < node.size() ? node.key(i) : null;
    }
}
