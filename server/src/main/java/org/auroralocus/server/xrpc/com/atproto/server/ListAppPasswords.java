package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.List;
import org.auroralocus.atproto.syntax.Datetime;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AppPasswordService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.server.listAppPasswords: the account's app passwords (names and dates, never secrets), newest first. */
public final class ListAppPasswords implements XrpcQuery<NoInput, ListAppPasswords.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.listAppPasswords");

    public record AppPassword(String name, Datetime createdAt, boolean privileged) {}

    public record Output(List<AppPassword> passwords) {}

    private final AppPasswordService appPasswords;

    public ListAppPasswords(AppPasswordService appPasswords) {
        this.appPasswords = appPasswords;
    }

    @Override public Output handle(NoInput params, Caller caller) {
        return new Output(appPasswords.list(((Caller.User) caller).did()).stream()
                .map(p -> new AppPassword(p.name(), Datetime.of(p.createdAt()), p.privileged()))
                .toList());
    }
}
