package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.NoOutput;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.server.deleteSession: log out. The refresh token is revoked at once; the access
 * token stays valid until it expires, as in the official PDS (access tokens are stateless).
 */
public final class DeleteSession implements XrpcProcedure<NoInput, NoOutput> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.deleteSession");

    private final SessionService sessions;

    public DeleteSession(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override public NoOutput handle(NoInput input, Caller caller) {
        sessions.revoke(((Caller.Refresh) caller).tokenId());
        return NoOutput.INSTANCE;
    }
}
