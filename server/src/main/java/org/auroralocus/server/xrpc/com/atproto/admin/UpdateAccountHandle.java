package org.auroralocus.server.xrpc.com.atproto.admin;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.updateAccountHandle: any valid handle, as the official PDS (no service-domain rules, no domain proof). */
public final class UpdateAccountHandle implements XrpcProcedure<UpdateAccountHandle.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.updateAccountHandle");

    record Input(Did did, Handle handle) {}

    private final AdminService admin;

    public UpdateAccountHandle(AdminService admin) {
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        AdminViews.run(() -> admin.updateHandle(input.did(), input.handle()));
        return NoOutput.INSTANCE;
    }
}
