package org.auroralocus.server.sequencer;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Tid;

/**
 * An event for the firehose, before it has a {@code seq}. The fields are those of the
 * com.atproto.sync.subscribeRepos message bodies (https://atproto.com/specs/sync).
 */
public sealed interface RepoEvent {
    Did did();

    /** A repository commit. {@code blocks} is a CAR slice with the commit, new MST nodes, proofs and records. */
    record CommitEvent(Did did, Cid commit, Tid rev, Optional<Tid> since, byte[] blocks, List<RepoOp> ops,
                       List<Cid> blobs, Optional<Cid> prevData) implements RepoEvent {
        public CommitEvent {
            ops = List.copyOf(ops);
            blobs = List.copyOf(blobs);
        }
    }

    /** The current commit of a repository, for relays to resynchronise from. {@code blocks} is a CAR with just the commit. */
    record SyncEvent(Did did, Tid rev, byte[] blocks) implements RepoEvent {}

    /** The account's identity (handle or DID document) may have changed. */
    record IdentityEvent(Did did, Optional<Handle> handle) implements RepoEvent {}

    /** The account's hosting status changed. {@code status} is absent when active. */
    record AccountEvent(Did did, boolean active, Optional<String> status) implements RepoEvent {}

    /** One record operation of a commit; {@code cid} is absent for deletes, {@code prev} for creates. */
    record RepoOp(String action, String path, Optional<Cid> cid, Optional<Cid> prev) {}
}
