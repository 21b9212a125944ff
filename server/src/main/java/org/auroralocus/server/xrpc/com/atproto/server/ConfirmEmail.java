package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.confirmEmail: the mailed code proves the caller reads the account's address. */
public final class ConfirmEmail implements XrpcProcedure<ConfirmEmail.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.confirmEmail");

    record Input(String email, String token) {}

    private final AccountEmail email;

    public ConfirmEmail(AccountEmail email) {
        this.email = email;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        return EmailCalls.answer(() -> {
            if (!email.confirm(((Caller.User) caller).did(), input.email(), input.token())) {
                throw XrpcException.invalidRequest("InvalidEmail", "invalid email");
            }
            return NoOutput.INSTANCE;
        });
    }
}
