package org.auroralocus.server.xrpc.com.atproto.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.SyntaxException;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DefaultValue;
import org.auroralocus.server.xrpc.IntRange;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.sync.listRepos: every repository hosted here, in any state (a follower needs to know
 * which ones stopped being served), with its head and revision. Pages are in DID order and the
 * cursor is the page's last DID; accounts without a repository yet are left out, as the official
 * PDS's join leaves them out.
 */
public final class ListRepos implements XrpcQuery<ListRepos.Params, ListRepos.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.sync.listRepos");

    record Params(@IntRange(min = 1, max = 1000) @DefaultValue("500") int limit, Optional<String> cursor) {}

    record Output(Optional<String> cursor, List<Repo> repos) {}

    /** {@code com.atproto.sync.listRepos#repo}. */
    record Repo(Did did, Cid head, Tid rev, boolean active, Optional<String> status) {}

    private final AccountService accounts;
    private final SyncAccess access;

    public ListRepos(AccountService accounts, ActorStores actors) {
        this.accounts = accounts;
        this.access = new SyncAccess(accounts, actors);
    }

    @Override public Output handle(Params p, Caller caller) {
        List<Account> page = accounts.list(p.cursor().map(ListRepos::parseCursor), p.limit());
        List<Repo> repos = new ArrayList<>(page.size());
        for (Account account : page) {
            Optional<RepoRoot> root = access.rootIfAny(account.did());
            root.ifPresent(r -> repos.add(new Repo(account.did(), r.cid(), r.rev(), account.active(), account.status().wireName())));
        }
        // the cursor follows the accounts read, so a page of accounts all without repositories still moves on
        Optional<String> cursor = page.isEmpty() ? Optional.empty() : Optional.of(page.getLast().did().toString());
        return new Output(cursor, repos);
    }

    private static Did parseCursor(String cursor) {
        try {
            return Did.parse(cursor);
        } catch (SyntaxException e) {
            throw XrpcException.invalidRequest("Malformed cursor");
        }
    }
}
