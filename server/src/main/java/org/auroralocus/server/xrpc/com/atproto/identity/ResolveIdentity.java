package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.IdentityLookup;
import org.auroralocus.server.identity.IdentityLookupException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcQuery;
import org.auroralocus.server.xrpc.com.atproto.identity.IdentityAnswers.IdentityInfo;

/** com.atproto.identity.resolveIdentity: a handle or DID to its DID, verified handle and document. */
public final class ResolveIdentity implements XrpcQuery<ResolveIdentity.Params, IdentityInfo> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.resolveIdentity");

    record Params(AtIdentifier identifier) {}

    private final IdentityLookup lookup;

    public ResolveIdentity(IdentityLookup lookup) {
        this.lookup = lookup;
    }

    @Override public IdentityInfo handle(Params params, Caller caller) {
        try {
            return IdentityAnswers.info(lookup.resolve(params.identifier(), false));
        } catch (IdentityLookupException e) {
            throw IdentityAnswers.error(e);
        }
    }
}
