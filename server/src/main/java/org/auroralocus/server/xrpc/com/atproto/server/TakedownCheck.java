package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * The official PDS's {@code checkTakedown}. Access tokens are checked without the database, so a
 * session issued before a takedown stays usable until it expires; the methods that act for the
 * account (mail it, change its credentials, write to its repository or blobs) look it up first.
 */
public final class TakedownCheck {
    private final AccountService accounts;

    public TakedownCheck(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The caller's account: 403 AccountNotFound when it is gone since, 401 AccountTakedown when taken down. */
    public Account require(Did did) {
        Account account = accounts.findByDid(did).orElseThrow(() -> new XrpcException(403, "AccountNotFound", "Account not found"));
        if (account.takendown()) throw CreateSession.accountTakedown();
        return account;
    }
}
