/**
 * atproto identity (https://atproto.com/specs/did, https://atproto.com/specs/handle): the DID document model
 * ({@link org.auroralocus.atproto.identity.DidDocument}: signing key, handle, PDS and other service endpoints),
 * handle resolution over DNS TXT and HTTPS, DID resolution of did:plc and did:web with a cache, and the
 * bidirectional handle check ({@link org.auroralocus.atproto.identity.IdentityResolver}).
 *
 * <p>The only package of {@code shared} that touches the network, and only behind interfaces
 * ({@link org.auroralocus.atproto.identity.HandleResolver}, {@link org.auroralocus.atproto.identity.DidResolver},
 * {@link org.auroralocus.atproto.identity.TxtLookup}) so that tests and the server can substitute them. Every
 * outbound request to a URL derived from user data goes through
 * {@link org.auroralocus.atproto.identity.SafeHttp}, which refuses private, loopback and other non-public
 * addresses (after DNS resolution, and on each redirect) unless SSRF protection is off for development.
 *
 * <p>Not here: building, signing and submitting PLC operations (the {@code plc} sub-package), handles and DIDs
 * as values ({@code syntax}), key encodings ({@code crypto}).
 */
package org.auroralocus.atproto.identity;
