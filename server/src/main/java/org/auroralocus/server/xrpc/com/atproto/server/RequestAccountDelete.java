package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountDeletion;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.requestAccountDelete: send the caller a code with which deleteAccount will delete the account. */
public final class RequestAccountDelete implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.requestAccountDelete");

    private final AccountService accounts;
    private final AccountDeletion deletion;

    public RequestAccountDelete(AccountService accounts, AccountDeletion deletion) {
        this.accounts = accounts;
        this.deletion = deletion;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        Did did = ((Caller.User) caller).did();
        // the official PDS checks the account behind the (stateless) token here: gone, or taken down since
        Account account = accounts.findByDid(did).orElseThrow(() ->
                new XrpcException(403, "AccountNotFound", "Account not found"));
        if (account.takendown()) throw CreateSession.accountTakedown();
        if (account.email().isEmpty()) throw XrpcException.invalidRequest("account does not have an email address");
        deletion.request(did);
        return NoOutput.INSTANCE;
    }
}
