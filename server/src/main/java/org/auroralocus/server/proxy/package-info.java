/**
 * Service proxying, as the official PDS does it for the Bluesky app: every XRPC method this server
 * does not answer itself is forwarded to the AppView (or the service an {@code atproto-proxy} header
 * names) with a fresh service JWT signed by the account's key, and the answer streamed back. Also the
 * app.bsky methods that need the PDS's help on the way (getFeed's feed generator lookup, push
 * registration) and read-after-write: the account's records the AppView has not seen yet, patched into
 * its answers. Not for methods served locally, and not for inbound service auth (the auth package).
 */
package org.auroralocus.server.proxy;
