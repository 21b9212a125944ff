package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Duration;
import java.util.List;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountDeletion;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.EmailTokenException;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.deleteAccount: delete an account for good, with its password and the code from
 * requestAccountDelete. No session is needed (the owner may have none left); the account's own
 * password is, never an app password. Deactivated and taken-down accounts can be deleted too.
 */
public final class DeleteAccount implements XrpcProcedure<DeleteAccount.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.deleteAccount");
    /** The official limit: 50 attempts per 5 minutes per IP (a guessed code counts too). */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perIp(new RateLimit(NSID + "-5min", 50, Duration.ofMinutes(5))));

    record Input(Did did, String password, String token) {}

    private final AccountService accounts;
    private final AccountDeletion deletion;

    public DeleteAccount(AccountService accounts, AccountDeletion deletion) {
        this.accounts = accounts;
        this.deletion = deletion;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        if (input.password().length() > CreateSession.MAX_PASSWORD_LENGTH) {
            throw XrpcException.authenticationRequired("Password too long. Consider resetting your password.");
        }
        if (accounts.findByDid(input.did()).isEmpty()) throw XrpcException.invalidRequest("account not found");
        if (!accounts.verifyOwnPassword(input.did(), input.password())) {
            throw XrpcException.authenticationRequired("Invalid did or password");
        }
        try {
            deletion.delete(input.did(), input.token());
        } catch (EmailTokenException e) {
            throw e.expired() ? XrpcException.expiredToken(e.getMessage()) : XrpcException.invalidToken(e.getMessage());
        }
        return NoOutput.INSTANCE;
    }
}
