package org.auroralocus.server.xrpc.com.atproto.sync;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.getRepoStatus: whether a repository hosted here is served and, if not, why. It
 * answers for taken-down and deactivated accounts too (that is its purpose); {@code rev} only while
 * active, as in the official PDS.
 */
public final class GetRepoStatus implements XrpcQuery<GetRepoStatus.Params, GetRepoStatus.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.getRepoStatus");

    record Params(Did did) {}

    record Output(Did did, boolean active, Optional<String> status, Optional<Tid> rev) {}

    private final SyncAccess access;

    public GetRepoStatus(AccountService accounts, ActorStores actors) {
        this.access = new SyncAccess(accounts, actors);
    }

    @Override public Output handle(Params p, Caller caller) {
        Account account = access.hosted(p.did());
        Optional<Tid> rev = account.active() ? access.rootIfAny(p.did()).map(RepoRoot::rev) : Optional.empty();
        return new Output(p.did(), account.active(), account.status().wireName(), rev);
    }
}
