/**
 * The account database ({@code account.sqlite}): accounts, refresh tokens, app passwords, invite
 * codes and e-mail tokens. One class per table holds that table's SQL; callers get row records,
 * never result sets. Only the account and auth services use these classes, always inside the
 * {@link org.auroralocus.server.db.Database} calls that give them a session.
 */
package org.auroralocus.server.account.db;
