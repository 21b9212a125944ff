/**
 * The com.atproto.repo.* endpoints: one class per NSID. Record writes are thin wrappers over
 * {@link org.auroralocus.server.repo.RepoService#applyWrites}; reads serve active accounts only.
 */
package org.auroralocus.server.xrpc.com.atproto.repo;
