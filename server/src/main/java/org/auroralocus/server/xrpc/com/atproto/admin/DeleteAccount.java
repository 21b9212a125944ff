package org.auroralocus.server.xrpc.com.atproto.admin;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.deleteAccount: the account and all its data, at once; relays get an {@code #account} deleted event. */
public final class DeleteAccount implements XrpcProcedure<DeleteAccount.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.deleteAccount");

    record Input(Did did) {}

    private final AdminService admin;

    public DeleteAccount(AdminService admin) {
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.deleteAccount(input.did()));
        return NoOutput.INSTANCE;
    }
}
