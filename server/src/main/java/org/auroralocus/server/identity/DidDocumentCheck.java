package org.auroralocus.server.identity;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.identity.plc.PlcClientException;
import org.auroralocus.atproto.identity.plc.PlcData;
import org.auroralocus.atproto.identity.plc.PlcService;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.actor.ActorStores;

/**
 * Whether an account's DID document makes this server its home: its {@code #atproto_pds} service
 * is our public URL and its {@code #atproto} key is the account's signing key here; for did:plc
 * the server's rotation key must also be among the rotation keys, or we could not update it. An
 * account that migrated here is only activated once this holds. The documents are read fresh
 * (PLC data straight from the directory, did:web past the cache): the user has just changed them.
 */
public final class DidDocumentCheck {
    private static final String VERIFICATION_METHOD = "atproto";

    private final PlcIdentity plc;
    private final DidResolver dids;
    private final ActorStores actors;
    private final String publicUrl;

    public DidDocumentCheck(PlcIdentity plc, DidResolver dids, ActorStores actors, String publicUrl) {
        this.plc = plc;
        this.dids = dids;
        this.actors = actors;
        this.publicUrl = publicUrl;
    }

    /** What is wrong with the document, in the official PDS's words; empty when it points here. */
    public Optional<String> problem(Did did) {
        Optional<Contents> found;
        try {
            found = did.isPlc() ? Optional.of(plcContents(did)) : resolvedContents(did);
        } catch (PlcClientException | IdentityException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) return Optional.of("Could not resolve DID");
        Contents contents = found.get();
        if (contents.rotationKeys().isPresent() && !contents.rotationKeys().get().contains(plc.rotationKey().didKey())) {
            return Optional.of("Server rotation key not included in PLC DID data");
        }
        if (!contents.pdsEndpoint().equals(Optional.of(publicUrl))) {
            return Optional.of("DID document atproto_pds service endpoint does not match PDS public url");
        }
        if (!contents.signingKey().equals(Optional.of(actors.signingKey(did).publicKey().didKey()))) {
            return Optional.of("DID document verification method does not match expected signing key");
        }
        return Optional.empty();
    }

    /** @throws DidNotHostedHereException with {@link #problem}'s message when there is one */
    public void requireHostedHere(Did did) {
        Optional<String> problem = problem(did);
        if (problem.isPresent()) throw new DidNotHostedHereException(problem.get());
    }

    /** The parts checked: keys as {@code did:key} strings; rotation keys only for did:plc. */
    private record Contents(Optional<String> pdsEndpoint, Optional<String> signingKey,
                            Optional<List<String>> rotationKeys) {}

    private Contents plcContents(Did did) {
        PlcData data = plc.client().data(did);
        return new Contents(
                Optional.ofNullable(data.services().get(PlcService.ATPROTO_PDS)).map(PlcService::endpoint),
                Optional.ofNullable(data.verificationMethods().get(VERIFICATION_METHOD)),
                Optional.of(data.rotationKeys()));
    }

    private Optional<Contents> resolvedContents(Did did) {
        return dids.resolveFresh(did).map(document -> new Contents(document.pdsEndpoint().map(URI::toString),
                document.atprotoKey().map(PublicKey::didKey), Optional.empty()));
    }
}
