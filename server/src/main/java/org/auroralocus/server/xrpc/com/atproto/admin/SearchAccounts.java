package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AccountPage;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DefaultValue;
import org.auroralocus.server.xrpc.IntRange;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.admin.searchAccounts: accounts whose e-mail (or handle, or DID prefix) matches, in DID
 * order. The official PDS leaves this method to its entryway; here the server answers it itself.
 */
public final class SearchAccounts implements XrpcQuery<SearchAccounts.Params, SearchAccounts.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.searchAccounts");

    record Params(Optional<String> email, Optional<String> cursor, @IntRange(min = 1, max = 100) @DefaultValue("50") int limit) {}

    record Output(Optional<String> cursor, List<AdminViews.AccountView> accounts) {}

    private final AdminService admin;

    public SearchAccounts(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Params p, Caller caller) {
        AccountPage page = AdminViews.call(() -> admin.searchAccounts(p.email().orElse(""), p.cursor(), p.limit()));
        return new Output(page.cursor(), page.accounts().stream()
                .flatMap(a -> admin.accountInfo(a.did()).stream()).map(AdminViews::account).toList());
    }
}
