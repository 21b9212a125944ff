package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.admin.InviteCode;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;
import org.auroralocus.server.xrpc.com.atproto.admin.AdminViews;

/** com.atproto.server.createInviteCodes: {@code codeCount} codes for each account named, or for anyone. */
public final class CreateInviteCodes implements XrpcProcedure<CreateInviteCodes.Input, CreateInviteCodes.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.createInviteCodes");

    record Input(int codeCount, int useCount, Optional<DataValue.ListValue> forAccounts) {}

    record Output(List<AccountCodes> codes) {}

    /** {@code com.atproto.server.createInviteCodes#accountCodes}: {@code account} is a DID or {@code admin}. */
    record AccountCodes(String account, List<String> codes) {}

    private final AdminService admin;

    public CreateInviteCodes(AdminService admin) {
        this.admin = admin;
    }

    @Override public Output handle(Input input, Caller caller) {
        int count = input.codeCount();
        List<Optional<Did>> owners = new ArrayList<>();
        for (DataValue item : input.forAccounts().map(DataValue.ListValue::items).orElse(List.of())) {
            if (!(item instanceof DataValue.TextValue t) || !Did.isValid(t.value())) {
                throw XrpcException.invalidRequest("Invalid DID at $.forAccounts");
            }
            owners.add(Optional.of(Did.parse(t.value())));
        }
        if (owners.isEmpty()) owners.add(Optional.empty());
        List<AccountCodes> codes = new ArrayList<>();
        for (Optional<Did> owner : owners) {
            List<InviteCode> made = AdminViews.call(() -> admin.createInviteCodes(count, input.useCount(), owner));
            codes.add(new AccountCodes(owner.map(Did::toString).orElse("admin"), made.stream().map(InviteCode::code).toList()));
        }
        return new Output(codes);
    }
}
