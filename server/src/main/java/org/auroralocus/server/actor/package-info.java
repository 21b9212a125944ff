/**
 * Actor stores: one folder per account ({@code actors/<2 hex of sha256(did)>/<did>/}) holding the
 * account's SQLite file (repository blocks, current commit, record index; later blobs and
 * preferences) and its signing key. Reached only through scoped calls: {@code read} hands out a
 * view without write methods, {@code transact} a writer, so no code can write outside a transaction.
 * Writes to one repository are serialized by its database's single writer.
 */
package org.auroralocus.server.actor;
