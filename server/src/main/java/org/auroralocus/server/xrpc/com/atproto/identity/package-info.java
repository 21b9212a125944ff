/** The com.atproto.identity.* endpoints: one class per NSID. */
package org.auroralocus.server.xrpc.com.atproto.identity;
