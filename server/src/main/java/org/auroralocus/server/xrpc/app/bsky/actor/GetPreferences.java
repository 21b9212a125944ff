package org.auroralocus.server.xrpc.app.bsky.actor;

import java.util.List;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.preferences.AccountPreferences;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * app.bsky.actor.getPreferences: the account's private preferences, served here rather than by the
 * AppView. Only a full session sees the birth date; app-password sessions see the derived age flags.
 */
public final class GetPreferences implements XrpcQuery<NoInput, GetPreferences.Output> {
    public static final Nsid NSID = Nsid.parse("app.bsky.actor.getPreferences");

    record Output(List<DataValue> preferences) {}

    private final AccountPreferences preferences;

    public GetPreferences(AccountPreferences preferences) {
        this.preferences = preferences;
    }

    @Override public Output handle(NoInput params, Caller caller) {
        Caller.User user = (Caller.User) caller;
        return new Output(List.copyOf(preferences.get(user.did(), user.scope() == Caller.Scope.ACCESS)));
    }
}
