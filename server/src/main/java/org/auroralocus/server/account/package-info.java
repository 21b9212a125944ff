/**
 * Accounts hosted here: creating them, finding them by handle, e-mail or DID, checking passwords
 * (the account's own and its app passwords), the account states (deactivated, taken down), and the
 * short codes e-mailed to confirm sensitive steps ({@link org.auroralocus.server.account.EmailTokens}).
 * {@link org.auroralocus.server.account.AccountService} is the API createAccount, the admin GUI and
 * the other services call. Sessions and their tokens are {@code org.auroralocus.server.auth}'s; this
 * package only removes refresh tokens when what backs them (an app password) goes away.
 */
package org.auroralocus.server.account;
