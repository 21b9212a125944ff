package org.auroralocus.server.xrpc.com.atproto.sync;

import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.sync.getLatestCommit: the current commit CID and revision of a served repository. */
public final class GetLatestCommit implements XrpcQuery<GetLatestCommit.Params, GetLatestCommit.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.getLatestCommit");

    record Params(Did did) {}

    record Output(Cid cid, Tid rev) {}

    private final SyncAccess access;

    public GetLatestCommit(AccountService accounts, ActorStores actors) {
        this.access = new SyncAccess(accounts, actors);
    }

    @Override public Output handle(Params p, Caller caller) {
        access.available(p.did());
        RepoRoot root = access.root(p.did());
        return new Output(root.cid(), root.rev());
    }
}
