package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.Optional;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.RepoWriteException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;

/** What every com.atproto.repo method checks first: whose repository it is, and whether it is served. */
final class RepoAccess {
    private final AccountService accounts;

    RepoAccess(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * The DID of {@code repo} when it is the caller's own, active repository. As the official PDS:
     * an account not hosted here is 403 AccountNotFound, a taken-down or deactivated one 401, and
     * another account's repository 401 AuthenticationRequired.
     */
    Did writable(AtIdentifier repo, Caller caller) {
        Account account = accounts.find(repo).orElseThrow(() -> new XrpcException(403, "AccountNotFound", "Account not found"));
        if (account.takendown()) throw new XrpcException(401, "AccountTakedown", "Account has been taken down");
        if (account.deactivatedAt().isPresent()) throw new XrpcException(401, "AccountDeactivated", "Account is deactivated");
        if (!(caller instanceof Caller.User user) || !user.did().equals(account.did())) {
            throw XrpcException.authenticationRequired("Authentication Required");
        }
        return account.did();
    }

    /** The account behind {@code repo}, hosted here in any state. */
    Optional<Account> hosted(AtIdentifier repo) {
        return accounts.find(repo);
    }

    /** The error a client sees for a refused write (all 400s, with the lexicons' names). */
    static XrpcException error(RepoWriteException e) {
        String name = switch (e.problem()) {
            case INVALID_RECORD -> "InvalidRequest";
            case INVALID_SWAP -> "InvalidSwap";
            case BLOB_NOT_FOUND -> "BlobNotFound";
            case INVALID_MIME_TYPE -> "InvalidMimeType";
            case INVALID_SIZE -> "InvalidSize";
        };
        return XrpcException.invalidRequest(name, e.getMessage());
    }
}
