/** The com.atproto.repo.* endpoints: one class per NSID. */
package org.auroralocus.server.xrpc.com.atproto.repo;
