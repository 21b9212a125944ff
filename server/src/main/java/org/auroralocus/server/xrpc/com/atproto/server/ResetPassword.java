package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.resetPassword: a new password with the mailed reset code; every session ends. */
public final class ResetPassword implements XrpcProcedure<ResetPassword.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.resetPassword");

    record Input(String token, String password) {}

    private final AccountEmail email;

    public ResetPassword(AccountEmail email) {
        this.email = email;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        if (input.password().length() > CreateAccount.MAX_PASSWORD_LENGTH) {
            throw XrpcException.invalidRequest("Invalid password length.");
        }
        return EmailCalls.answer(() -> {
            email.resetPassword(input.token(), input.password());
            return NoOutput.INSTANCE;
        });
    }
}
