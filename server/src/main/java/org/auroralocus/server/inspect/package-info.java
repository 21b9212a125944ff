/**
 * Read-only views of the running server for the desktop application: counts and disk use, an
 * account's collections, records (as JSON) and blobs, and the sequenced events as they happen.
 * Nothing here changes data; admin operations (takedowns, invites, accounts) live elsewhere.
 */
package org.auroralocus.server.inspect;
