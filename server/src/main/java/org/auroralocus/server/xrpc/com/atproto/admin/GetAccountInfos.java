package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.admin.getAccountInfos: several accounts; DIDs not hosted here are left out. */
public final class GetAccountInfos implements XrpcQuery<GetAccountInfos.Params, GetAccountInfos.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.getAccountInfos");

    record Params(List<Did> dids) {}

    record Output(List<AdminViews.AccountView> infos) {}

    private final AdminService admin;

    public GetAccountInfos(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Params p, Caller caller) {
        return new Output(p.dids().stream().distinct().map(admin::accountInfo).flatMap(Optional::stream)
                .map(AdminViews::account).toList());
    }
}
