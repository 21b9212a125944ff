package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.List;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AccountInfo;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.DefaultValue;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;
import org.auroralocus.server.xrpc.com.atproto.admin.AdminViews;

/**
 * com.atproto.server.getAccountInviteCodes: the caller's own usable codes (and used-up ones unless
 * {@code includeUsed} is false). Codes are only made by the administrator here: there is no
 * PDS_INVITE_INTERVAL, so {@code createAvailable} makes none, as in the official PDS without one.
 */
public final class GetAccountInviteCodes implements XrpcQuery<GetAccountInviteCodes.Params, GetAccountInviteCodes.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.getAccountInviteCodes");

    record Params(@DefaultValue("true") boolean includeUsed, @DefaultValue("true") boolean createAvailable) {}

    record Output(List<AdminViews.InviteCodeView> codes) {}

    private final AdminService admin;

    public GetAccountInviteCodes(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Params p, Caller caller) {
        Caller.User user = (Caller.User) caller;
        AccountInfo info = admin.accountInfo(user.did()).orElseThrow(() ->
                XrpcException.invalidRequest("NotFound", "Account not found"));
        if (info.account().takendown()) throw CreateSession.accountTakedown();
        return new Output(info.invites().stream()
                .filter(c -> !c.disabled() && (p.includeUsed() || c.usable()))
                .map(AdminViews::invite).toList());
    }
}
