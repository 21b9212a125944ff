package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.updateEmail: a new address for the caller's account, unconfirmed from then on;
 * with the code from requestEmailUpdate when the old address was confirmed.
 */
public final class UpdateEmail implements XrpcProcedure<UpdateEmail.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.updateEmail");

    record Input(String email, Optional<Boolean> emailAuthFactor, Optional<String> token) {}

    private final AccountEmail email;

    public UpdateEmail(AccountEmail email) {
        this.email = email;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        if (!EmailAddresses.isPlausible(input.email())) {
            throw XrpcException.invalidRequest("This email address is not supported, please use a different email.");
        }
        return EmailCalls.answer(() -> {
            try {
                email.update(((Caller.User) caller).did(), input.email(), input.token().filter(t -> !t.isBlank()));
            } catch (AccountEmail.TokenRequiredException e) {
                throw XrpcException.invalidRequest("TokenRequired", e.getMessage());
            }
            return NoOutput.INSTANCE;
        });
    }
}
