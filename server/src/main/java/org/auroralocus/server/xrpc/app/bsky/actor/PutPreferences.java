package org.auroralocus.server.xrpc.app.bsky.actor;

import java.util.List;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.preferences.AccountPreferences;
import org.auroralocus.server.preferences.PreferenceException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;
import org.auroralocus.server.xrpc.com.atproto.server.TakedownCheck;

/**
 * app.bsky.actor.putPreferences: replaces the account's whole set of app.bsky preferences (those the
 * session may write: an app-password session leaves the birth date alone and may not set it).
 */
public final class PutPreferences implements XrpcProcedure<PutPreferences.Input, NoOutput> {
    public static final Nsid NSID = Nsid.parse("app.bsky.actor.putPreferences");

    record Input(List<DataValue> preferences) {}

    private final TakedownCheck takedowns;
    private final AccountPreferences preferences;

    public PutPreferences(AccountService accounts, AccountPreferences preferences) {
        this.takedowns = new TakedownCheck(accounts);
        this.preferences = preferences;
    }

    @Override public NoOutput handle(Input input, Caller caller) {
        Caller.User user = (Caller.User) caller;
        takedowns.require(user.did());
        try {
            preferences.put(user.did(), input.preferences(), user.scope() == Caller.Scope.ACCESS);
        } catch (PreferenceException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
        return NoOutput.INSTANCE;
    }
}
