package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AppPasswordService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.server.revokeAppPassword: remove an app password and end the sessions opened with it. */
public final class RevokeAppPassword implements XrpcProcedure<RevokeAppPassword.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.revokeAppPassword");

    record Input(String name) {}

    private final AppPasswordService appPasswords;

    public RevokeAppPassword(AppPasswordService appPasswords) {
        this.appPasswords = appPasswords;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        appPasswords.revoke(((Caller.User) caller).did(), input.name());
        return NoOutput.INSTANCE;
    }
}
