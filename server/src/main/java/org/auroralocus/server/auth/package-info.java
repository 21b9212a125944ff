/**
 * Sessions and credentials: the HS256 session JWTs (access and refresh, as the official PDS makes
 * them), refresh-token rotation and revocation, and the {@link org.auroralocus.server.xrpc.Authenticator}
 * that checks every request's {@code Authorization} header against its route's
 * {@link org.auroralocus.server.xrpc.Auth} and answers with the official error names.
 *
 * <p>Access tokens are stateless: checking one is an HMAC and a few claim checks, with no database
 * read, so they stay valid until they expire even after deleteSession (as in the official PDS).
 * Refresh tokens are stored, so they can be rotated and revoked.
 *
 * <p>Inter-service JWTs are made here too ({@link org.auroralocus.server.auth.ServiceJwts}, signed
 * with the account's repository key, for proxying and getServiceAuth) and checked
 * ({@link org.auroralocus.server.auth.ServiceJwtVerifier}, against the issuer's DID document). Not
 * here yet: OAuth (DPoP), which is refused.
 */
package org.auroralocus.server.auth;
