package org.auroralocus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.mst.Mst;
import org.auroralocus.atproto.repo.Commit;

/**
 * Reading a {@code #commit} event body as a relay does (sync v1.1): its CAR slice, the signed
 * commit in it, its ops, and the inductive check that the ops undone on the tree the slice alone
 * describes give {@code prevData}. Shared by the tests that read events from the sequencer and
 * from the WebSocket.
 */
public final class CommitEvents {
    private CommitEvents() {}

    /** The CAR slice in {@code blocks}. */
    public static CarContents car(DataValue.MapValue body) {
        byte[] bytes = ((DataValue.BytesValue) body.get("blocks").orElseThrow()).value();
        try {
            return CarReader.readAll(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commit the event names, which must be the CAR's root and one of its blocks. */
    public static Commit commit(CarContents car, DataValue.MapValue body) {
        Cid cid = ((DataValue.LinkValue) body.get("commit").orElseThrow()).cid();
        assertEquals(List.of(cid), car.roots(), "the CAR's root is the commit");
        return Commit.parse(car.blocks().get(cid).orElseThrow(() -> new AssertionError("the CAR holds the commit block")));
    }

    public static List<DataValue.MapValue> ops(DataValue.MapValue body) {
        return ((DataValue.ListValue) body.get("ops").orElseThrow()).items().stream().map(DataValue.MapValue.class::cast).toList();
    }

    /** An op's {@code cid} or {@code prev}, empty when absent or null. */
    public static Optional<Cid> link(DataValue.MapValue op, String key) {
        return op.get(key).filter(DataValue.LinkValue.class::isInstance).map(v -> ((DataValue.LinkValue) v).cid());
    }

    /** Undoes the ops, newest first, on the tree the CAR's blocks alone describe: a relay's check of {@code prevData}. */
    public static void assertOpsInvertToPrevData(CarContents car, Commit commit, DataValue.MapValue body) {
        Mst tree = Mst.load(car.blocks(), commit.data());
        for (DataValue.MapValue op : ops(body).reversed()) {
            String path = op.text("path").orElseThrow();
            Optional<Cid> prev = link(op, "prev");
            tree = switch (op.text("action").orElseThrow()) {
                case "create" -> tree.delete(path);
                case "update" -> tree.update(path, prev.orElseThrow());
                case "delete" -> tree.add(path, prev.orElseThrow());
                default -> throw new AssertionError("unknown action " + op);
            };
        }
        assertEquals(body.get("prevData").orElseThrow(), DataValue.of(tree.rootCid()), "the ops undone give the previous tree");
    }
}
