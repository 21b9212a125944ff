package org.auroralocus.server.xrpc.com.atproto.admin;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.admin.getAccountInfo: one account in any state, with its invite codes. */
public final class GetAccountInfo implements XrpcQuery<GetAccountInfo.Params, AdminViews.AccountView> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.getAccountInfo");

    record Params(Did did) {}

    private final AdminService admin;

    public GetAccountInfo(AdminService admin) {
        this.admin = admin;
    }

    @Override public AdminViews.AccountView handle(Params p, Caller caller) {
        return admin.accountInfo(p.did()).map(AdminViews::account)
                .orElseThrow(() -> XrpcException.invalidRequest("NotFound", "Account not found"));
    }
}
