package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Datetime;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.AccountLifecycle;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.deactivateAccount: stop serving the caller's account (the last step of moving
 * away). A session of a taken-down account may call it too, so the account can still move.
 */
public final class DeactivateAccount implements XrpcProcedure<DeactivateAccount.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.deactivateAccount");

    record Input(Optional<Datetime> deleteAfter) {}

    private final AccountLifecycle lifecycle;

    public DeactivateAccount(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        try {
            lifecycle.deactivate(((Caller.User) caller).did(), input.deleteAfter().map(Datetime::toInstant));
        } catch (AccountException e) {
            if (e.problem() != AccountException.Problem.NOT_FOUND) throw e;
            throw XrpcException.invalidRequest("Account not found");
        }
        return NoOutput.INSTANCE;
    }
}
