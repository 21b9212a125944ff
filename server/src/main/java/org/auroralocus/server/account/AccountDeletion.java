package org.auroralocus.server.account;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.blob.BlobStore;
import org.auroralocus.server.mail.Mailer;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.sequencer.SqliteSequencer;

/**
 * Deleting an account at its owner's request: a code is mailed to the account's address, and the
 * account goes only with that code (and the password, which the caller checks). Removal follows
 * the official PDS's order: the account row first (from then on the account does not exist), then
 * the {@code #account} deleted event, then the repository files and blobs, even if sequencing failed.
 */
public final class AccountDeletion {
    private static final System.Logger LOG = System.getLogger(AccountDeletion.class.getName());

    private final AccountService accounts;
    private final EmailTokens tokens;
    private final RepoService repos;
    private final SqliteSequencer sequencer;
    private final BlobStore blobs;
    private final Mailer mailer;

    public AccountDeletion(AccountService accounts, EmailTokens tokens, RepoService repos, SqliteSequencer sequencer,
                           BlobStore blobs, Mailer mailer) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.repos = repos;
        this.sequencer = sequencer;
        this.blobs = blobs;
        this.mailer = mailer;
    }

    /**
     * Issues a deletion code for the account, replacing any earlier one.
     *
     * @throws AccountException NOT_FOUND
     * @throws IllegalStateException when the account has no e-mail address to send it to
     */
    public void request(Did did) {
        Account account = accounts.findByDid(did).orElseThrow(() ->
                new AccountException(AccountException.Problem.NOT_FOUND, "account not found"));
        if (account.email().isEmpty()) throw new IllegalStateException("account does not have an email address");
        String token = tokens.create(did, EmailTokenPurpose.DELETE_ACCOUNT);
        mailer.sendCode(did, account.email().get(), EmailTokenPurpose.DELETE_ACCOUNT, token);
        LOG.log(System.Logger.Level.INFO, "account deletion requested did={0}", did);
    }

    /**
     * Deletes the account if {@code token} is its outstanding deletion code: the account row with its
     * sessions, app passwords and codes, then the firehose history, then the repository.
     *
     * @throws EmailTokenException when the code is wrong or expired
     */
    public void delete(Did did, String token) {
        tokens.consume(did, EmailTokenPurpose.DELETE_ACCOUNT, token);
        remove(did);
        LOG.log(System.Logger.Level.INFO, "account deleted at its owner''s request did={0}", did);
    }

    /**
     * Deletes the account at once, without a code (com.atproto.admin.deleteAccount): the account row,
     * then the {@code #account} deleted event, then the repository and blobs.
     *
     * @throws AccountException NOT_FOUND when no account with this DID is hosted here
     */
    public void deleteByAdministrator(Did did) {
        if (accounts.findByDid(did).isEmpty()) {
            throw new AccountException(AccountException.Problem.NOT_FOUND, "Account not found: " + did);
        }
        remove(did);
        LOG.log(System.Logger.Level.INFO, "account deleted by the administrator did={0}", did);
    }

    private void remove(Did did) {
        accounts.delete(did);
        try {
            sequencer.appendAccountDeletion(did);
        } finally {
            repos.destroyRepo(did);
            deleteBlobs(did);
        }
    }

    private void deleteBlobs(Did did) {
        try {
            blobs.deleteAll(did);
        } catch (java.io.IOException e) {
            // the account is gone either way; leftover bytes are unreachable and only cost space
            LOG.log(System.Logger.Level.WARNING, "could not delete the blobs of deleted account did=" + did, e);
        }
    }
}
