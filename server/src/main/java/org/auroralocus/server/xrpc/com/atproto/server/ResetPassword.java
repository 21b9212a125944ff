package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Duration;
import java.util.List;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.resetPassword: a new password with the mailed reset code; every session ends. */
public final class ResetPassword implements XrpcProcedure<ResetPassword.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.resetPassword");
    /** The official limit: 50 attempts per 5 minutes per IP (a guessed code counts too). */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perIp(new RateLimit(NSID + "-5min", 50, Duration.ofMinutes(5))));

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
