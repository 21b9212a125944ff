package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.Login;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.auth.SessionTokens;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.createSession: log in with a handle, e-mail or DID and a password (or app password). */
public final class CreateSession implements XrpcProcedure<CreateSession.Input, CreateSession.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.createSession");
    /** The official PDS's body limit for this method. */
    public static final int BODY_LIMIT = 150 * 1024;
    /**
     * The official limits: 30 attempts per 5 minutes and 300 per day for one identifier from one IP,
     * counted before the password is checked, so wrong passwords count too.
     */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            new RouteLimit(new RateLimit(NSID + "-day", 300, Duration.ofDays(1)), CreateSession::identifierKey),
            new RouteLimit(new RateLimit(NSID + "-5min", 30, Duration.ofMinutes(5)), CreateSession::identifierKey));
    /** Longer passwords are refused before hashing, with the official message. */
    static final int MAX_PASSWORD_LENGTH = 512;

    record Input(String identifier, String password, Optional<String> authFactorToken, boolean allowTakendown) {}

    /** The session output shared by createSession and refreshSession. */
    public record Output(String accessJwt, String refreshJwt, Handle handle, Did did, Optional<String> email,
                         Optional<Boolean> emailConfirmed, boolean active, Optional<String> status) {

        /** App-password sessions are not shown the account's e-mail. */
        static Output of(Account account, SessionTokens tokens) {
            boolean personal = !tokens.appPassword();
            return new Output(tokens.accessJwt(), tokens.refreshJwt(), account.handle(), account.did(),
                    personal ? account.email() : Optional.empty(),
                    personal ? Optional.of(account.emailConfirmedAt().isPresent()) : Optional.empty(),
                    account.active(), account.status().wireName());
        }
    }

    private final AccountService accounts;
    private final SessionService sessions;

    public CreateSession(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override public Output handle(Input input, Caller caller) {
        if (input.password().length() > MAX_PASSWORD_LENGTH) {
            throw XrpcException.authenticationRequired("Password too long. Consider resetting your password.");
        }
        Login login = accounts.login(input.identifier(), input.password()).orElseThrow(() ->
                XrpcException.authenticationRequired("Invalid identifier or password"));
        Account account = login.account();
        if (account.takendown() && !input.allowTakendown()) throw accountTakedown();
        SessionTokens tokens = sessions.create(account.did(), login.appPassword(), account.takendown());
        return Output.of(account, tokens);
    }

    static XrpcException accountTakedown() {
        return new XrpcException(401, "AccountTakedown", "Account has been taken down");
    }

    private static String identifierKey(Record input, Caller caller, String ip) {
        return ((Input) input).identifier() + "-" + ip;
    }
}
