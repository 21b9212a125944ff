package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.requestEmailConfirmation: mail the caller a code that confirms the account's address. */
public final class RequestEmailConfirmation implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestEmailConfirmation");

    private final AccountEmail email;

    public RequestEmailConfirmation(AccountEmail email) {
        this.email = email;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        return EmailCalls.answer(() -> {
            email.requestConfirmation(((Caller.User) caller).did());
            return NoOutput.INSTANCE;
        });
    }
}
