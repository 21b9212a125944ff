package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.List;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountDeletion;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.requestAccountDelete: send the caller a code with which deleteAccount will delete the account. */
public final class RequestAccountDelete implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestAccountDelete");
    /** The official limits: 5 an hour and 15 a day per account (each sends a mail). */
    public static final List<RouteLimit> RATE_LIMITS = EmailCalls.mailsPerAccount(NSID);

    private final TakedownCheck takedowns;
    private final AccountDeletion deletion;

    public RequestAccountDelete(AccountService accounts, AccountDeletion deletion) {
        this.takedowns = new TakedownCheck(accounts);
        this.deletion = deletion;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        Did did = ((Caller.User) caller).did();
        Account account = takedowns.require(did);
        if (account.email().isEmpty()) throw XrpcException.invalidRequest("account does not have an email address");
        deletion.request(did);
        return NoOutput.INSTANCE;
    }
}
