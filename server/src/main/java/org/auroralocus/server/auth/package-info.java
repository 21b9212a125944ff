/**
 * Sessions and credentials: the HS256 session JWTs (access and refresh, as the official PDS makes
 * them), refresh-token rotation and revocation, and the {@link org.auroralocus.server.xrpc.Authenticator}
 * that checks every request's {@code Authorization} header against its route's
 * {@link org.auroralocus.server.xrpc.Auth} and answers with the official error names.
 *
 * <p>Access tokens are stateless: checking one is an HMAC and a few claim checks, with no database
 * read, so they stay valid until they expire even after deleteSession (as in the official PDS).
 * Refresh tokens are stored, so they can be rotated and revoked. Not here yet: OAuth (DPoP) and
 * inter-service JWTs, which are refused.
 */
package org.auroralocus.server.auth;
