package org.auroralocus.server.xrpc.com.atproto.identity;

import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.identity.plc.PlcService;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.identity.DidCredentials;
import org.auroralocus.server.identity.PlcOperationException;
import org.auroralocus.server.identity.RecommendedCredentials;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.identity.getRecommendedDidCredentials: what the caller's DID document must say for this server to host it. */
public final class GetRecommendedDidCredentials implements XrpcQuery<NoInput, GetRecommendedDidCredentials.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.identity.getRecommendedDidCredentials");

    record Output(List<String> rotationKeys, List<String> alsoKnownAs, Map<String, String> verificationMethods,
                  Map<String, PlcService> services) {}

    private final DidCredentials credentials;

    public GetRecommendedDidCredentials(DidCredentials credentials) {
        this.credentials = credentials;
    }

    @Override public Output handle(NoInput params, Caller caller) {
        RecommendedCredentials r;
        try {
            r = credentials.recommended(((Caller.User) caller).did());
        } catch (PlcOperationException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
        return new Output(r.rotationKeys(), r.alsoKnownAs(), r.verificationMethods(), r.services());
    }
}
