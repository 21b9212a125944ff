package org.auroralocus.server.identity;

import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.identity.plc.PlcService;

/**
 * What an account's DID document should say for this server to host it: the server's rotation key,
 * the handle, the account's signing key and this server as its PDS. Component names are the PLC
 * operation's (and com.atproto.identity.getRecommendedDidCredentials's).
 */
public record RecommendedCredentials(List<String> rotationKeys, List<String> alsoKnownAs,
                                     Map<String, String> verificationMethods, Map<String, PlcService> services) {
    public RecommendedCredentials {
        rotationKeys = List.copyOf(rotationKeys);
        alsoKnownAs = List.copyOf(alsoKnownAs);
        verificationMethods = Map.copyOf(verificationMethods);
        services = Map.copyOf(services);
    }
}
