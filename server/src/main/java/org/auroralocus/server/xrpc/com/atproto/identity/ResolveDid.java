package org.auroralocus.server.xrpc.com.atproto.identity;

import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.IdentityLookup;
import org.auroralocus.server.identity.IdentityLookupException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.identity.resolveDid: a DID's complete document (the handle is not verified). */
public final class ResolveDid implements XrpcQuery<ResolveDid.Params, ResolveDid.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.resolveDid");

    record Params(Did did) {}

    record Output(DataValue didDoc) {}

    private final IdentityLookup lookup;

    public ResolveDid(IdentityLookup lookup) {
        this.lookup = lookup;
    }

    @Override public Output handle(Params params, Caller caller) {
        try {
            return new Output(IdentityAnswers.didDoc(lookup.document(params.did())));
        } catch (IdentityLookupException e) {
            throw IdentityAnswers.error(e);
        }
    }
}
