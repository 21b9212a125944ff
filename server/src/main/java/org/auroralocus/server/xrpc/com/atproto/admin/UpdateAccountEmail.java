package org.auroralocus.server.xrpc.com.atproto.admin;

import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.admin.AdminService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.admin.updateAccountEmail: a new, unconfirmed address for the account (named by DID or handle). */
public final class UpdateAccountEmail implements XrpcProcedure<UpdateAccountEmail.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.admin.updateAccountEmail");

    record Input(AtIdentifier account, String email) {}

    private final AccountService accounts;
    private final AdminService admin;

    public UpdateAccountEmail(AccountService accounts, AdminService admin) {
        this.accounts = accounts;
        this.admin = admin;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        Did did = accounts.find(input.account()).map(Account::did).orElseThrow(() ->
                XrpcException.invalidRequest("Account does not exist: " + input.account()));
        AdminViews.run(() -> admin.updateEmail(did, input.email()));
        return NoOutput.INSTANCE;
    }
}
