package org.auroralocus.server.xrpc.com.atproto.admin;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.disableInviteCodes: these codes, and every code made for these accounts, stop working. */
public final class DisableInviteCodes implements XrpcProcedure<DisableInviteCodes.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.disableInviteCodes");

    record Input(Optional<DataValue.ListValue> codes, Optional<DataValue.ListValue> accounts) {}

    private final AdminService admin;

    public DisableInviteCodes(AdminService admin) {
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        List<String> accounts = AdminViews.strings(input.accounts(), "accounts");
        if (accounts.contains("admin")) throw XrpcException.invalidRequest("cannot disable admin invite codes");
        List<Did> dids = accounts.stream().map(a -> {
            if (!Did.isValid(a)) throw XrpcException.invalidRequest("Invalid DID (got \"" + a + "\") at $.accounts");
            return Did.parse(a);
        }).toList();
        AdminViews.run(() -> admin.disableInviteCodes(AdminViews.strings(input.codes(), "codes"), dids));
        return NoOutput.INSTANCE;
    }
}
