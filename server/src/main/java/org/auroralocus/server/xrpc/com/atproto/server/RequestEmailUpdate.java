package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.requestEmailUpdate: start changing the address; a confirmed address is mailed
 * a code that updateEmail then needs ({@code tokenRequired}).
 */
public final class RequestEmailUpdate implements XrpcProcedure<NoInput, RequestEmailUpdate.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestEmailUpdate");

    public record Output(boolean tokenRequired) {}

    private final AccountEmail email;

    public RequestEmailUpdate(AccountEmail email) {
        this.email = email;
    }

    @Override public Output handle(NoInput input, Caller caller) {
        return EmailCalls.answer(() -> new Output(email.requestUpdate(((Caller.User) caller).did())));
    }
}
