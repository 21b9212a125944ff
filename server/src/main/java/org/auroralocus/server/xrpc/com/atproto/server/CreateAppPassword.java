package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Datetime;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.AppPasswordService;
import org.auroralocus.server.account.NewAppPassword;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.createAppPassword: a new app password; its secret is shown this once. */
public final class CreateAppPassword implements XrpcProcedure<CreateAppPassword.Input, CreateAppPassword.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.createAppPassword");

    record Input(String name, boolean privileged) {
        Input {
            if (name.isBlank() || name.length() > AppPasswordService.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException(
                        "An app password name must have 1 to " + AppPasswordService.MAX_NAME_LENGTH + " characters");
            }
        }
    }

    public record Output(String name, String password, Datetime createdAt, boolean privileged) {}

    private final TakedownCheck takedowns;
    private final AppPasswordService appPasswords;

    public CreateAppPassword(AccountService accounts, AppPasswordService appPasswords) {
        this.takedowns = new TakedownCheck(accounts);
        this.appPasswords = appPasswords;
    }

    @Override public Output handle(Input input, Caller caller) {
        Did did = ((Caller.User) caller).did();
        takedowns.require(did);
        NewAppPassword created;
        try {
            created = appPasswords.create(did, input.name(), input.privileged());
        } catch (AccountException e) {
            // the official PDS answers 500 here; a duplicate name is the client's mistake
            if (e.problem() == AccountException.Problem.APP_PASSWORD_NAME_TAKEN) throw XrpcException.invalidRequest(e.getMessage());
            throw e;
        }
        return new Output(created.name(), created.password(), Datetime.of(created.createdAt()), created.privileged());
    }
}
