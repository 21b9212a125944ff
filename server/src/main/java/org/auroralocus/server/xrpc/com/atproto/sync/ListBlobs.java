package org.auroralocus.server.xrpc.com.atproto.sync;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DefaultValue;
import org.auroralocus.server.xrpc.IntRange;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.listBlobs: the CIDs of the blobs the repository's records reference (the ones
 * getBlob serves), in CID order; with {@code since}, only those referenced by records written after
 * that revision. As in the official PDS, the cursor is the page's last CID and any string is taken.
 */
public final class ListBlobs implements XrpcQuery<ListBlobs.Params, ListBlobs.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.listBlobs");

    record Params(Did did, Optional<Tid> since, @IntRange(min = 1, max = 1000) @DefaultValue("500") int limit,
                  Optional<String> cursor) {}

    record Output(Optional<String> cursor, List<Cid> cids) {}

    private final SyncAccess access;

    public ListBlobs(AccountService accounts, ActorStores actors) {
        this.access = new SyncAccess(accounts, actors);
    }

    @Override public Output handle(Params p, Caller caller) {
        access.available(p.did());
        List<Cid> cids = access.read(p.did(), r -> r.referencedBlobs(p.since(), p.cursor(), p.limit()));
        return new Output(cids.isEmpty() ? Optional.empty() : Optional.of(cids.getLast().toString()), cids);
    }
}
