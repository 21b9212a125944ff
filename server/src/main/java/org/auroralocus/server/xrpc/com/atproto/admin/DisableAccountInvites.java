package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.disableAccountInvites: stops the account from getting invite codes (codes it has keep working). */
public final class DisableAccountInvites implements XrpcProcedure<DisableAccountInvites.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.disableAccountInvites");

    record Input(Did account, Optional<String> note) {}

    private final AdminService admin;

    public DisableAccountInvites(AdminService admin) {
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.setAccountInvitesDisabled(input.account(), true));
        return NoOutput.INSTANCE;
    }
}
