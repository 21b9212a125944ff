package org.auroralocus.server.sequencer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Tid;

/**
 * The subscribeRepos message body of each event, without {@code seq} and {@code time}: stored as
 * DAG-CBOR once when the event is appended, so a frame is those bytes plus two fields, never a
 * re-encoding of the whole event per subscriber.
 */
final class EventBodies {
    private EventBodies() {}

    static String type(RepoEvent event) {
        return switch (event) {
            case RepoEvent.CommitEvent c -> "#commit";
            case RepoEvent.SyncEvent s -> "#sync";
            case RepoEvent.IdentityEvent i -> "#identity";
            case RepoEvent.AccountEvent a -> "#account";
        };
    }

    /** The repository revision the event announces: start-up repair compares it with the actor store's. */
    static Optional<Tid> rev(RepoEvent event) {
        return switch (event) {
            case RepoEvent.CommitEvent c -> Optional.of(c.rev());
            case RepoEvent.SyncEvent s -> Optional.of(s.rev());
            case RepoEvent.IdentityEvent i -> Optional.empty();
            case RepoEvent.AccountEvent a -> Optional.empty();
        };
    }

    static DataValue.MapValue body(RepoEvent event) {
        Map<String, DataValue> m = new LinkedHashMap<>();
        switch (event) {
            case RepoEvent.CommitEvent c -> {
                m.put("repo", DataValue.of(c.did().toString()));
                m.put("commit", DataValue.of(c.commit()));
                m.put("rev", DataValue.of(c.rev().toString()));
                m.put("since", c.since().map(t -> DataValue.of(t.toString())).orElse(DataValue.ofNull()));
                m.put("blocks", DataValue.bytes(c.blocks()));
                m.put("ops", DataValue.list(ops(c.ops())));
                m.put("blobs", DataValue.list(c.blobs().stream().map(DataValue::of).toList()));
                c.prevData().ifPresent(p -> m.put("prevData", DataValue.of(p)));
                m.put("rebase", DataValue.of(false));
                m.put("tooBig", DataValue.of(false));
            }
            case RepoEvent.SyncEvent s -> {
                m.put("did", DataValue.of(s.did().toString()));
                m.put("rev", DataValue.of(s.rev().toString()));
                m.put("blocks", DataValue.bytes(s.blocks()));
            }
            case RepoEvent.IdentityEvent i -> {
                m.put("did", DataValue.of(i.did().toString()));
                i.handle().ifPresent(h -> m.put("handle", DataValue.of(h.toString())));
            }
            case RepoEvent.AccountEvent a -> {
                m.put("did", DataValue.of(a.did().toString()));
                m.put("active", DataValue.of(a.active()));
                a.status().ifPresent(s -> m.put("status", DataValue.of(s)));
            }
        }
        return new DataValue.MapValue(m);
    }

    private static List<DataValue> ops(List<RepoEvent.RepoOp> ops) {
        List<DataValue> out = new ArrayList<>(ops.size());
        for (RepoEvent.RepoOp op : ops) {
            Map<String, DataValue> m = new LinkedHashMap<>();
            m.put("action", DataValue.of(op.action()));
            m.put("path", DataValue.of(op.path()));
            m.put("cid", op.cid().map(DataValue::of).orElse(DataValue.ofNull()));
            op.prev().ifPresent(p -> m.put("prev", DataValue.of(p)));
            out.add(new DataValue.MapValue(m));
        }
        return out;
    }
}
