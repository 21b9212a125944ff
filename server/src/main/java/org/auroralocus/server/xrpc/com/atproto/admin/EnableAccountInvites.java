package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.enableAccountInvites: lets the account get invite codes again. */
public final class EnableAccountInvites implements XrpcProcedure<EnableAccountInvites.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.enableAccountInvites");

    record Input(Did account, Optional<String> note) {}

    private final AdminService admin;

    public EnableAccountInvites(AdminService admin) {
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.setAccountInvitesDisabled(input.account(), false));
        return NoOutput.INSTANCE;
    }
}
