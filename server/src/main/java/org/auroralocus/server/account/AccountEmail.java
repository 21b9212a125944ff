package org.auroralocus.server.account;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.mail.Mailer;

/**
 * The account's e-mail address: confirming it, changing it, and resetting a forgotten password
 * through it, each with a code mailed to the address (see {@link EmailTokens}).
 */
public final class AccountEmail {
    private final AccountService accounts;
    private final EmailTokens tokens;
    private final Mailer mailer;

    public AccountEmail(AccountService accounts, EmailTokens tokens, Mailer mailer) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
    }

    /**
     * Mails a confirmation code to the account's address.
     *
     * @throws AccountException NOT_FOUND
     * @throws IllegalStateException when the account has no address
     */
    public void requestConfirmation(Did did) {
        String address = address(find(did));
        mailer.sendCode(did, address, EmailTokenPurpose.CONFIRM_EMAIL, tokens.create(did, EmailTokenPurpose.CONFIRM_EMAIL));
    }

    /**
     * Marks the address confirmed if {@code email} is still the account's address and the code is right.
     *
     * @return false when {@code email} is not the account's address (nothing is used up)
     * @throws EmailTokenException when the code is wrong or expired
     * @throws AccountException NOT_FOUND
     */
    public boolean confirm(Did did, String email, String token) {
        Account account = find(did);
        if (!account.email().equals(Optional.of(AccountService.normalizeEmail(email)))) return false;
        tokens.consume(did, EmailTokenPurpose.CONFIRM_EMAIL, token);
        accounts.confirmEmail(did);
        return true;
    }

    /**
     * Mails a password-reset code if an account has this address (deactivated and taken-down ones
     * too, as in the official PDS).
     *
     * @return whether an account has the address
     */
    public boolean requestPasswordReset(String email) {
        Optional<Account> account = accounts.findByEmail(email).filter(a -> a.email().isPresent());
        account.ifPresent(a -> mailer.sendCode(a.did(), a.email().get(), EmailTokenPurpose.RESET_PASSWORD,
                tokens.create(a.did(), EmailTokenPurpose.RESET_PASSWORD)));
        return account.isPresent();
    }

    /**
     * Sets a new password for the account the reset code was sent to, and ends its sessions.
     *
     * @throws EmailTokenException when no account has this code, or it has expired
     */
    public void resetPassword(String token, String password) {
        Did did = tokens.consumeAny(EmailTokenPurpose.RESET_PASSWORD, token);
        accounts.resetPassword(did, password);
    }

    /**
     * Starts an address change: a confirmed address must approve it with a mailed code; an
     * unconfirmed one proves nothing, so no code is needed then.
     *
     * @return whether {@link #update} will need a code
     * @throws AccountException NOT_FOUND
     * @throws IllegalStateException when the account has no address
     */
    public boolean requestUpdate(Did did) {
        Account account = find(did);
        String address = address(account);
        if (account.emailConfirmedAt().isEmpty()) return false;
        mailer.sendCode(did, address, EmailTokenPurpose.UPDATE_EMAIL, tokens.create(did, EmailTokenPurpose.UPDATE_EMAIL));
        return true;
    }

    /**
     * Changes the address (unconfirmed from then on), with the code when the old one was confirmed.
     *
     * @throws TokenRequiredException when the address is confirmed and no code is given
     * @throws EmailTokenException when the code is wrong or expired
     * @throws AccountException EMAIL_NOT_AVAILABLE, NOT_FOUND
     */
    public void update(Did did, String email, Optional<String> token) {
        Account account = find(did);
        if (token.isEmpty() && account.emailConfirmedAt().isPresent()) throw new TokenRequiredException();
        if (token.isPresent()) tokens.consume(did, EmailTokenPurpose.UPDATE_EMAIL, token.get());
        accounts.updateEmail(did, email);
    }

    /** An address change of a confirmed address was tried without the mailed code. */
    public static final class TokenRequiredException extends RuntimeException {
        TokenRequiredException() {
            super("confirmation token required", null, false, false);
        }
    }

    private Account find(Did did) {
        return accounts.findByDid(did).orElseThrow(() ->
                new AccountException(AccountException.Problem.NOT_FOUND, "account not found"));
    }

    private static String address(Account account) {
        return account.email().orElseThrow(() -> new IllegalStateException("account does not have an email address"));
    }
}
