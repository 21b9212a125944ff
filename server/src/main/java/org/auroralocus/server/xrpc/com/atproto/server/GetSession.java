package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.server.getSession: who the access token belongs to, and the account's state. */
public final class GetSession implements XrpcQuery<NoInput, GetSession.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.getSession");

    public record Output(Handle handle, Did did, Optional<String> email, Optional<Boolean> emailConfirmed,
                         boolean active, Optional<String> status) {}

    private final AccountService accounts;

    public GetSession(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override public Output handle(NoInput params, Caller caller) {
        Caller.User user = (Caller.User) caller;
        // a taken-down account is not found here (its old access tokens still verify: they are stateless)
        Account account = accounts.findByDid(user.did()).filter(a -> !a.takendown()).orElseThrow(() ->
                XrpcException.invalidRequest("Could not find user info for account: " + user.did()));
        // app-password sessions may call this, but without the account's personal data
        boolean personal = user.scope() == Caller.Scope.ACCESS;
        return new Output(account.handle(), account.did(),
                personal ? account.email() : Optional.empty(),
                personal ? Optional.of(account.emailConfirmedAt().isPresent()) : Optional.empty(),
                account.active(), account.status().wireName());
    }
}
