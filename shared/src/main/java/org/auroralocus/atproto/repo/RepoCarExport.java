package org.auroralocus.atproto.repo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.car.CarWriter;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DagCborException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.cbor.MissingBlockException;

/**
 * Writes a full repository export: the commit, then a depth-first walk of the MST in key order
 * (each node, then its left subtree, then per entry the record and the subtree after it).
 *
 * <p>The walk reads only the links out of each node ({@code l}, and {@code v} and {@code t} of its
 * entries) and keeps a stack of pending CIDs, never the tree, so memory stays proportional to the
 * tree's depth times its fan-out whatever the repository's size. It trusts its source: checking
 * the structure is {@link RepoVerifier}'s job on the reading side.
 */
final class RepoCarExport {
    private RepoCarExport() {}

    private record Pending(Cid cid, boolean node) {}

    static void write(Repository repo, OutputStream out) throws IOException {
        CarWriter car = CarWriter.open(out, List.of(repo.commitCid()));
        car.write(repo.commitCid(), require(repo, repo.commitCid()));
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(repo.commit().data(), true));
        while (!stack.isEmpty()) {
            Pending next = stack.pop();
            byte[] bytes = require(repo, next.cid());
            car.write(next.cid(), bytes);
            if (next.node()) pushChildren(next.cid(), bytes, stack);
        }
        car.flush();
    }

    /** Pushes in reverse, so that popping yields: left subtree, then record and right subtree per entry. */
    private static void pushChildren(Cid cid, byte[] bytes, Deque<Pending> stack) {
        DataValue.MapValue node = asMap(cid, decode(cid, bytes));
        if (!(node.entries().get("e") instanceof DataValue.ListValue(List<DataValue> entries))) {
            throw malformed(cid, "no entry list");
        }
        for (DataValue item : entries.reversed()) {
            DataValue.MapValue entry = asMap(cid, item);
            link(entry.entries().get("t")).ifPresent(t -> stack.push(new Pending(t, true)));
            stack.push(new Pending(link(entry.entries().get("v")).orElseThrow(() -> malformed(cid, "an entry has no value link")), false));
        }
        link(node.entries().get("l")).ifPresent(l -> stack.push(new Pending(l, true)));
    }

    /** The CID of a link; empty for null or absent (a map lookup's null), which is how the node format says none. */
    private static Optional<Cid> link(DataValue value) {
        return value instanceof DataValue.LinkValue(Cid c) ? Optional.of(c) : Optional.empty();
    }

    private static DataValue decode(Cid cid, byte[] bytes) {
        try {
            return DagCbor.decode(bytes);
        } catch (DagCborException e) {
            throw malformed(cid, e.getMessage());
        }
    }

    private static DataValue.MapValue asMap(Cid cid, DataValue value) {
        if (value instanceof DataValue.MapValue map) return map;
        throw malformed(cid, "not a map");
    }

    private static byte[] require(Repository repo, Cid cid) {
        try {
            return repo.blocks().require(cid);
        } catch (MissingBlockException e) {
            throw new RepoException("cannot export " + repo.did() + ": block " + cid + " is missing from storage", e);
        }
    }

    private static RepoException malformed(Cid cid, String why) {
        return new RepoException("cannot export: MST node " + cid + " is malformed (" + why + ")");
    }
}
