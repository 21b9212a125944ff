package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountCreation;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.identity.HandleRules;
import org.auroralocus.server.identity.PlcIdentity;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.createAccount: sign up with a new did:plc, or bring a DID (migration, with service auth). */
public final class CreateAccount implements XrpcProcedure<CreateAccount.Input, CreateAccount.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.createAccount");
    /** The official limit: 100 sign-ups per 5 minutes per IP. */
    public static final List<RouteLimit> RATE_LIMITS = List.of(
            RouteLimit.perIp(new RateLimit(NSID + "-5min", 100, Duration.ofMinutes(5))));
    /** The official PDS's limit for new passwords. */
    static final int MAX_PASSWORD_LENGTH = 256;

    record Input(Optional<String> email, String handle, Optional<Did> did, Optional<String> inviteCode,
                 Optional<String> verificationCode, Optional<String> verificationPhone, Optional<String> password,
                 Optional<String> recoveryKey, Optional<DataValue> plcOp) {}

    record Output(String accessJwt, String refreshJwt, Handle handle, Did did, Optional<DataValue> didDoc) {}

    private final AccountCreation creation;
    private final HandleRules handles;
    private final PlcIdentity plc;

    public CreateAccount(AccountCreation creation, HandleRules handles, PlcIdentity plc) {
        this.creation = creation;
        this.handles = handles;
        this.plc = plc;
    }

    @Override public Output handle(Input input, Caller caller) {
        if (input.plcOp().isPresent()) throw XrpcException.invalidRequest("Unsupported input: \"plcOp\"");
        if (input.password().map(String::length).orElse(0) > MAX_PASSWORD_LENGTH) {
            throw XrpcException.invalidRequest("Password too long. Maximum length is " + MAX_PASSWORD_LENGTH + " characters.");
        }
        String email = input.email().orElseThrow(() -> XrpcException.invalidRequest("Email is required"));
        if (!EmailAddresses.isPlausible(email)) {
            throw XrpcException.invalidRequest("This email address is not supported, please use a different email.");
        }
        if (input.did().isPresent() && !(caller instanceof Caller.Service s && s.iss().equals(input.did().get()))) {
            throw XrpcException.authenticationRequired("Missing auth to create account with did: " + input.did().get());
        }
        Handle handle = handles.forNewAccount(input.handle());
        Optional<PublicKey> recoveryKey = input.recoveryKey().map(CreateAccount::recoveryKey);
        AccountCreation.Created created;
        try {
            created = creation.create(new AccountCreation.Request(handle, Optional.of(email), input.password(),
                    input.inviteCode(), recoveryKey, input.did()));
        } catch (AccountException e) {
            throw switch (e.problem()) {
                case HANDLE_NOT_AVAILABLE -> XrpcException.invalidRequest("HandleNotAvailable", e.getMessage());
                case INVALID_INVITE_CODE -> XrpcException.invalidRequest("InvalidInviteCode", e.getMessage());
                case EMAIL_NOT_AVAILABLE, ALREADY_EXISTS, NOT_FOUND, APP_PASSWORD_NAME_TAKEN ->
                        XrpcException.invalidRequest(e.getMessage());
            };
        }
        Did did = created.account().did();
        Optional<DataValue> didDoc = input.did().isPresent()
                ? Optional.empty()
                : Optional.of(DataJson.fromTree(plc.document(did)));
        return new Output(created.tokens().accessJwt(), created.tokens().refreshJwt(), created.account().handle(),
                did, didDoc);
    }

    private static PublicKey recoveryKey(String didKey) {
        try {
            return PublicKey.parseDidKey(didKey);
        } catch (RuntimeException e) {
            throw XrpcException.invalidRequest("recoveryKey must be a did:key");
        }
    }
}
