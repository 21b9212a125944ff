package org.auroralocus.server.xrpc.com.atproto.identity;

import java.time.Duration;
import java.util.List;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.IdentityService;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.identity.updateHandle: change the caller's handle (account, DID document and firehose together). */
public final class UpdateHandle implements XrpcProcedure<UpdateHandle.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.updateHandle");
    /** The official limits: 10 handle changes per 5 minutes and 50 per day per account. */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perAccount(new RateLimit(NSID + "-5min", 10, Duration.ofMinutes(5))),
            RouteLimit.perAccount(new RateLimit(NSID + "-day", 50, Duration.ofDays(1))));

    /** A string, not a Handle: the handle rules answer InvalidHandle with the official messages. */
    record Input(String handle) {}

    private final IdentityService identity;

    public UpdateHandle(IdentityService identity) {
        this.identity = identity;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        identity.updateHandle(((Caller.User) caller).did(), input.handle());
        return NoOutput.INSTANCE;
    }
}
