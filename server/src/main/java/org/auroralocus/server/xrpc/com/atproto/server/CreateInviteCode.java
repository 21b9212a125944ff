package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcProcedure;
import org.auroralocus.server.xrpc.com.atproto.admin.AdminViews;

/** com.atproto.server.createInviteCode: the administrator makes one code of {@code useCount} uses. */
public final class CreateInviteCode implements XrpcProcedure<CreateInviteCode.Input, CreateInviteCode.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.createInviteCode");

    record Input(int useCount, Optional<Did> forAccount) {}

    record Output(String code) {}

    private final AdminService admin;

    public CreateInviteCode(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Input input, Caller caller) {
        return new Output(AdminViews.call(() -> admin.createInviteCodes(1, input.useCount(), input.forAccount()))
                .getFirst().code());
    }
}
