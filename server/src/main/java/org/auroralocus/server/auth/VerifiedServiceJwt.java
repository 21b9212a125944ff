package org.auroralocus.server.auth;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;

/**
 * The claims of a service JWT whose signature, audience, method and expiry held.
 *
 * @param iss         the issuer's DID, without any fragment
 * @param issService  the fragment of an {@code iss} such as {@code did:plc:x#atproto_labeler}: the token
 *                    then speaks for that service of the DID, not for the account, and was checked
 *                    against the service's key
 * @param lxm         the method the token is bound to: always the one being called
 */
public record VerifiedServiceJwt(Did iss, Optional<String> issService, String aud, Nsid lxm) {}
