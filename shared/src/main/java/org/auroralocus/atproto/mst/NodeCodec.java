package org.auroralocus.atproto.mst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.cbor.BlockSource;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.DataValue.BytesValue;
import org.auroralocus.atproto.cbor.DataValue.IntValue;
import org.auroralocus.atproto.cbor.DataValue.LinkValue;
import org.auroralocus.atproto.cbor.DataValue.ListValue;
import org.auroralocus.atproto.cbor.DataValue.MapValue;
import org.auroralocus.atproto.cbor.DataValue.NullValue;

/**
 * The node block format, {@code {l: link|null, e: [{p, k, v, t}]}} with each key stored as the
 * length of the prefix it shares with the previous key plus the rest. Decoding checks everything the
 * spec makes canonical, because a stored node that we would encode differently breaks every CID
 * above it: exact fields, keys sorted and at the node's height, maximal prefix compression, links to
 * nodes as dag-cbor CIDs, and no empty nodes below the root.
 */
final class NodeCodec {
    private static final byte[] NO_KEY = new byte[0];

    private NodeCodec() {}

    static byte[] encode(MstNode.Contents node) {
        List<DataValue> entries = new ArrayList<>(node.keys.length);
        byte[] previous = NO_KEY;
        for (int i = 0; i < node.keys.length; i++) {
            byte[] key = node.keys[i];
            int prefix = MstKey.commonPrefixLength(previous, key);
            entries.add(DataValue.map(
                    "k", DataValue.bytes(Arrays.copyOfRange(key, prefix, key.length)),
                    "p", DataValue.of(prefix),
                    "t", link(node.gaps[i + 1]),
                    "v", DataValue.of(node.values[i])));
            previous = key;
        }
        return DagCbor.encode(DataValue.map("e", DataValue.list(entries), "l", link(node.gaps[0])));
    }

    private static DataValue link(MstNode subtree) {
        return subtree == null ? DataValue.ofNull() : DataValue.of(subtree.cid());
    }

    /**
     * Reads a stored node. {@code expectedHeight} is one less than the parent's, or
     * {@link MstNode#UNKNOWN_HEIGHT} for a root; {@code lower} and {@code upper} are the parent's keys
     * around this subtree (null at the edges), so that order is checked across nodes, not only within.
     */
    static MstNode.Contents decode(BlockSource source, Cid cid, byte[] bytes, int expectedHeight, byte[] lower, byte[] upper) {
        if (cid.codec() != Cid.DAG_CBOR) throw invalid(cid, "an MST node must be a dag-cbor block");
        if (!Cid.ofDagCbor(bytes).equals(cid)) throw invalid(cid, "the block's bytes do not match its CID");
        MapValue node = fields(cid, decodeValue(cid, bytes), "node", "e", "l");
        Cid left = optionalLink(cid, node.entries().get("l"), "l");
        if (!(node.entries().get("e") instanceof ListValue(List<DataValue> items))) {
            throw invalid(cid, "'e' must be a list");
        }
        int n = items.size();
        byte[][] keys = new byte[n][];
        Cid[] values = new Cid[n];
        Cid[] subtrees = new Cid[n + 1];
        subtrees[0] = left;
        int height = expectedHeight;
        byte[] previous = NO_KEY;
        for (int i = 0; i < n; i++) {
            MapValue entry = fields(cid, items.get(i), "entry", "k", "p", "t", "v");
            byte[] key = key(cid, entry, previous, i);
            int keyHeight = MstKey.height(key);
            if (i == 0 && height == MstNode.UNKNOWN_HEIGHT) height = keyHeight;
            if (keyHeight != height) {
                throw invalid(cid, "key " + MstKey.text(key) + " has height " + keyHeight + " in a node of height " + height);
            }
            keys[i] = key;
            values[i] = requiredLink(cid, entry.entries().get("v"));
            subtrees[i + 1] = optionalLink(cid, entry.entries().get("t"), "t");
            previous = key;
        }
        if (n > 0 && ((lower != null && MstKey.compare(keys[0], lower) <= 0)
                || (upper != null && MstKey.compare(keys[n - 1], upper) >= 0))) {
            throw invalid(cid, "keys lie outside the range their parent gives this subtree");
        }
        if (n == 0) {
            if (expectedHeight == MstNode.UNKNOWN_HEIGHT) {
                // the spec prunes empty nodes from the top: only the empty tree's root has no entries
                if (left != null) throw invalid(cid, "the root has no entries but links a subtree");
                height = 0;
            } else if (left == null) {
                throw invalid(cid, "an empty node below the root");
            }
        }
        return new MstNode.Contents(height, keys, values, subtrees(source, cid, subtrees, height, keys, lower, upper));
    }

    private static DataValue decodeValue(Cid cid, byte[] bytes) {
        try {
            return DagCbor.decode(bytes);
        } catch (DagCborException e) {
            throw new InvalidMstException("MST node " + cid + " is not valid DAG-CBOR: " + e.getMessage(), e);
        }
    }

    private static MapValue fields(Cid cid, DataValue value, String what, String... names) {
        if (!(value instanceof MapValue map) || map.entries().size() != names.length
                || !map.entries().keySet().containsAll(List.of(names))) {
            throw invalid(cid, "an MST " + what + " must be a map of exactly " + String.join(", ", names));
        }
        return map;
    }

    private static byte[] key(Cid cid, MapValue entry, byte[] previous, int index) {
        Map<String, DataValue> fields = entry.entries();
        if (!(fields.get("p") instanceof IntValue(long prefix)) || prefix < 0 || prefix > previous.length) {
            throw invalid(cid, "entry " + index + " has an invalid prefix length");
        }
        if (!(fields.get("k") instanceof BytesValue suffixValue)) throw invalid(cid, "entry " + index + " key is not bytes");
        byte[] suffix = suffixValue.value();
        byte[] key = Arrays.copyOf(previous, (int) prefix + suffix.length);
        System.arraycopy(suffix, 0, key, (int) prefix, suffix.length);
        if (index > 0 && MstKey.compare(previous, key) >= 0) throw invalid(cid, "keys are not in strictly increasing order");
        if (MstKey.commonPrefixLength(previous, key) != prefix) {
            throw invalid(cid, "entry " + index + " does not elide the whole shared prefix");
        }
        if (!MstKey.isValid(key)) throw invalid(cid, "entry " + index + " is not a valid MST key");
        return key;
    }

    private static Cid optionalLink(Cid cid, DataValue value, String field) {
        if (value instanceof NullValue) return null;
        if (value instanceof LinkValue(Cid link) && link.codec() == Cid.DAG_CBOR) return link;
        throw invalid(cid, "'" + field + "' must be null or a link to a dag-cbor node");
    }

    private static Cid requiredLink(Cid cid, DataValue value) {
        if (value instanceof LinkValue(Cid link)) return link;
        throw invalid(cid, "'v' must be a link");
    }

    private static MstNode[] subtrees(BlockSource source, Cid cid, Cid[] links, int height, byte[][] keys,
            byte[] lower, byte[] upper) {
        MstNode[] gaps = new MstNode[links.length];
        for (int i = 0; i < links.length; i++) {
            if (links[i] == null) continue;
            if (height == 0) throw invalid(cid, "a node of height 0 links a subtree");
            byte[] below = i == 0 ? lower : keys[i - 1];
            byte[] above = i == keys.length ? upper : keys[i];
            gaps[i] = MstNode.stored(source, links[i], height - 1, below, above);
        }
        return gaps;
    }

    private static InvalidMstException invalid(Cid cid, String problem) {
        return new InvalidMstException("invalid MST node " + cid + ": " + problem);
    }
}
