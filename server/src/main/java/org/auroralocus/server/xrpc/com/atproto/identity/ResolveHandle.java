package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.IdentityService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.identity.resolveHandle: the DID a handle points to, local accounts first. */
public final class ResolveHandle implements XrpcQuery<ResolveHandle.Params, ResolveHandle.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.resolveHandle");

    record Params(Handle handle) {}

    record Output(Did did) {}

    private final IdentityService identity;

    public ResolveHandle(IdentityService identity) {
        this.identity = identity;
    }

    @Override public Output handle(Params params, Caller caller) {
        return identity.resolveHandle(params.handle()).map(Output::new)
                .orElseThrow(() -> XrpcException.invalidRequest("HandleNotFound", "Unable to resolve handle"));
    }
}
