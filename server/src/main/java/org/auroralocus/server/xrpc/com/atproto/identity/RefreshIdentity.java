package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.IdentityLookup;
import org.auroralocus.server.identity.IdentityLookupException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcProcedure;
import org.auroralocus.server.xrpc.com.atproto.identity.IdentityAnswers.IdentityInfo;

/** com.atproto.identity.refreshIdentity: resolveIdentity past the DID cache, which then holds the fresh document. */
public final class RefreshIdentity implements XrpcProcedure<RefreshIdentity.Input, IdentityInfo> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.refreshIdentity");

    record Input(AtIdentifier identifier) {}

    private final IdentityLookup lookup;

    public RefreshIdentity(IdentityLookup lookup) {
        this.lookup = lookup;
    }

    @Override public IdentityInfo handle(Input input, Caller caller) {
        try {
            return IdentityAnswers.info(lookup.resolve(input.identifier(), true));
        } catch (IdentityLookupException e) {
            throw IdentityAnswers.error(e);
        }
    }
}
