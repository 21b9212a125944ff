package org.auroralocus.server.xrpc.com.atproto.admin;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.updateAccountPassword: a new password; the account's sessions end. */
public final class UpdateAccountPassword implements XrpcProcedure<UpdateAccountPassword.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.updateAccountPassword");

    record Input(Did did, String password) {}

    private final AdminService admin;

    public UpdateAccountPassword(AdminService admin) {
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.updatePassword(input.did(), input.password()));
        return NoOutput.INSTANCE;
    }
}
