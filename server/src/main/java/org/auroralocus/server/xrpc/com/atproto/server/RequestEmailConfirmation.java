package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.List;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountEmail;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.requestEmailConfirmation: mail the caller a code that confirms the account's address. */
public final class RequestEmailConfirmation implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestEmailConfirmation");
    /** The official limits: 5 an hour and 15 a day per account (each sends a mail). */
    public static final List<RouteLimit> RATE_LIMITS = EmailCalls.mailsPerAccount(NSID);

    private final TakedownCheck takedowns;
    private final AccountEmail email;

    public RequestEmailConfirmation(AccountService accounts, AccountEmail email) {
        this.takedowns = new TakedownCheck(accounts);
        this.email = email;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        Did did = takedowns.require(((Caller.User) caller).did()).did();
        return EmailCalls.answer(() -> {
            email.requestConfirmation(did);
            return NoOutput.INSTANCE;
        });
    }
}
