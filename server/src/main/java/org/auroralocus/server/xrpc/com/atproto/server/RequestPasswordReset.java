package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Duration;
import java.util.List;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.requestPasswordReset: mail a reset code to the account with this address. No
 * session (the caller has forgotten the password). An unknown address is answered like a known
 * one, so that the endpoint does not tell strangers which addresses have accounts here.
 */
public final class RequestPasswordReset implements XrpcProcedure<RequestPasswordReset.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestPasswordReset");
    /** The official limits: 15 an hour and 50 a day per IP. */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perIp(new RateLimit(NSID + "-day", 50, Duration.ofDays(1))),
            RouteLimit.perIp(new RateLimit(NSID + "-hour", 15, Duration.ofHours(1))));

    record Input(String email) {}

    private final AccountEmail email;

    public RequestPasswordReset(AccountEmail email) {
        this.email = email;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        email.requestPasswordReset(input.email());
        return NoOutput.INSTANCE;
    }
}
