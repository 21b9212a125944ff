package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.auth.SessionTokens;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.refreshSession: trade the refresh token for a new pair (the old one is consumed). */
public final class RefreshSession implements XrpcProcedure<NoInput, CreateSession.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.refreshSession");

    private final AccountService accounts;
    private final SessionService sessions;

    public RefreshSession(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override public CreateSession.Output handle(NoInput input, Caller caller) {
        Caller.Refresh refresh = (Caller.Refresh) caller;
        Account account = accounts.findByDid(refresh.did()).orElseThrow(() ->
                XrpcException.invalidRequest("Could not find user info for account: " + refresh.did()));
        if (account.takendown()) throw CreateSession.accountTakedown();
        SessionTokens tokens = sessions.rotate(refresh.tokenId()).orElseThrow(() ->
                XrpcException.expiredToken("Token has been revoked"));
        return CreateSession.Output.of(account, tokens);
    }
}
