/** The com.atproto.server.* endpoints: one class per NSID. */
package org.auroralocus.server.xrpc.com.atproto.server;
