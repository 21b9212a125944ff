package org.auroralocus.atproto.mst;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.auroralocus.atproto.cbor.Cid;

/**
 * Builds a tree from a whole key set at once, without the per-key path copies of repeated inserts:
 * with the keys sorted, the entries of the highest height cut the range into gaps, and each gap is
 * built the same way one height lower. Used for imports and for a repository's first commit.
 */
final class MstBuilder {
    private final byte[][] keys;
    private final Cid[] values;
    private final int[] heights;

    private MstBuilder(byte[][] keys, Cid[] values, int[] heights) {
        this.keys = keys;
        this.values = values;
        this.heights = heights;
    }

    static MstNode build(Map<String, Cid> entries) {
        if (entries.isEmpty()) return MstNode.empty();
        Pair[] pairs = new Pair[entries.size()];
        int n = 0;
        for (Map.Entry<String, Cid> e : entries.entrySet()) {
            pairs[n++] = new Pair(MstKey.bytes(e.getKey()), Objects.requireNonNull(e.getValue(), "value"));
        }
        Arrays.sort(pairs, (a, b) -> MstKey.compare(a.key, b.key));
        byte[][] keys = new byte[n][];
        Cid[] values = new Cid[n];
        int[] heights = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            keys[i] = pairs[i].key;
            values[i] = pairs[i].value;
            heights[i] = MstKey.height(keys[i]);
            top = Math.max(top, heights[i]);
        }
        return new MstBuilder(keys, values, heights).build(0, n, top);
    }

    private record Pair(byte[] key, Cid value) {}

    /** The subtree of the given height for the sorted keys [lo, hi), or null when there are none. */
    private MstNode build(int lo, int hi, int height) {
        if (lo == hi) return null;
        int count = 0;
        for (int i = lo; i < hi; i++) {
            if (heights[i] == height) count++;
        }
        byte[][] nodeKeys = new byte[count][];
        Cid[] nodeValues = new Cid[count];
        MstNode[] gaps = new MstNode[count + 1];
        int j = 0;
        int start = lo;
        for (int i = lo; i < hi; i++) {
            if (heights[i] != height) continue;
            gaps[j] = build(start, i, height - 1);
            nodeKeys[j] = keys[i];
            nodeValues[j] = values[i];
            j++;
            start = i + 1;
        }
        gaps[count] = build(start, hi, height - 1);
        return MstNode.built(height, nodeKeys, nodeValues, gaps);
    }
}
