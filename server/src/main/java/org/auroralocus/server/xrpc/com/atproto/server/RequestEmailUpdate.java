package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.List;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.requestEmailUpdate: start changing the address; a confirmed address is mailed
 * a code that updateEmail then needs ({@code tokenRequired}).
 */
public final class RequestEmailUpdate implements XrpcProcedure<NoInput, RequestEmailUpdate.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestEmailUpdate");
    /** The official limits: 5 an hour and 15 a day per account (each sends a mail). */
    public static final List<RouteLimit> RATE_LIMITS = EmailCalls.mailsPerAccount(NSID);

    public record Output(boolean tokenRequired) {}

    private final TakedownCheck takedowns;
    private final AccountEmail email;

    public RequestEmailUpdate(AccountService accounts, AccountEmail email) {
        this.takedowns = new TakedownCheck(accounts);
        this.email = email;
    }

    @Override public Output handle(NoInput input, Caller caller) {
        Did did = takedowns.require(((Caller.User) caller).did()).did();
        return EmailCalls.answer(() -> new Output(email.requestUpdate(did)));
    }
}
