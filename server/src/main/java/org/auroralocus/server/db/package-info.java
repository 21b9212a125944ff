/**
 * SQLite access for every store of the server: one {@link org.auroralocus.server.db.Database} per
 * file, WAL mode, numbered migrations, one writer and a few readers.
 *
 * <p>SQLite calls are native and pin a virtual thread to its carrier; with two cores a few fsyncs
 * could stall every request. So all database work runs on small bounded pools of platform threads
 * (one writer thread and connection per file, a shared-nothing set of reader threads each with its
 * own connection) and request handling stays on virtual threads, which simply wait for the result.
 * Writes queued for one file at the same time share a commit (group commit), each in its own
 * savepoint, so concurrent writers share fsyncs instead of queueing for one each.
 */
package org.auroralocus.server.db;
