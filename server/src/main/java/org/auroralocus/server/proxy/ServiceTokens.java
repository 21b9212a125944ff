package org.auroralocus.server.proxy;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.auth.ServiceJwts;
import org.auroralocus.server.xrpc.XrpcException;

/** The service JWTs the PDS sends upstream for an account: signed with the account's repository key. */
final class ServiceTokens {
    private final ServiceJwts jwts;
    private final ActorStores actors;

    ServiceTokens(ServiceJwts jwts, ActorStores actors) {
        this.jwts = jwts;
        this.actors = actors;
    }

    /**
     * A fresh token from {@code iss} for service {@code aud} (a bare DID) and method {@code lxm}.
     *
     * @throws XrpcException 403 AccountNotFound for a still-valid access token of an account deleted since
     */
    String mint(Did iss, String aud, Nsid lxm) {
        try {
            return jwts.create(actors.signingKey(iss), iss, aud, Optional.of(lxm));
        } catch (ActorNotFoundException e) {
            throw new XrpcException(403, "AccountNotFound", "Account not found");
        }
    }
}
