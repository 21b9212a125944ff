package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.AccountLifecycle;
import org.auroralocus.server.identity.DidNotHostedHereException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.activateAccount: start serving the caller's account (the last step of moving in). */
public final class ActivateAccount implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.activateAccount");

    private final AccountLifecycle lifecycle;

    public ActivateAccount(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        try {
            lifecycle.activate(((Caller.User) caller).did());
        } catch (DidNotHostedHereException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        } catch (AccountException e) {
            if (e.problem() != AccountException.Problem.NOT_FOUND) throw e;
            throw XrpcException.invalidRequest("AccountNotFound", "user not found");
        }
        return NoOutput.INSTANCE;
    }
}
