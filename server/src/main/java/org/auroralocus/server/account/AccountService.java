package org.auroralocus.server.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.account.AccountException.Problem;
import org.auroralocus.server.account.db.AccountRow;
import org.auroralocus.server.account.db.AccountTable;
import org.auroralocus.server.account.db.EmailTokenTable;
import org.auroralocus.server.account.db.InviteCodeRow;
import org.auroralocus.server.account.db.InviteCodeTable;
import org.auroralocus.server.account.db.RefreshTokenTable;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.SqlSession;

/**
 * The accounts hosted here. Handles and e-mail addresses are case-insensitive: they are stored,
 * compared and returned lower-case. Password hashing runs on the caller's thread before any
 * database work, so a slow hash never holds the database writer.
 */
public final class AccountService {
    private static final System.Logger LOG = System.getLogger(AccountService.class.getName());

    private final Database db;
    private final PasswordHasher hasher;
    private final AppPasswordService appPasswords;
    private final Clock clock;
    private final boolean inviteRequired;

    public AccountService(Database accountDb, PasswordHasher hasher, AppPasswordService appPasswords, Clock clock,
                          boolean inviteRequired) {
        this.db = accountDb;
        this.hasher = hasher;
        this.appPasswords = appPasswords;
        this.clock = clock;
        this.inviteRequired = inviteRequired;
    }

    /**
     * Records a new account. Its DID, handle and e-mail must be free; an invite code is checked and
     * used up when given, and required when the server requires invites. An account without a
     * password cannot log in with one.
     *
     * @throws AccountException HANDLE_NOT_AVAILABLE, EMAIL_NOT_AVAILABLE, ALREADY_EXISTS or INVALID_INVITE_CODE
     */
    public Account create(Did did, Handle handle, Optional<String> email, Optional<String> password,
                          Optional<String> inviteCode) {
        return create(did, handle, email, password, inviteCode, false);
    }

    /** {@link #create}, where {@code inviteWaived} drops the requirement of a code (not the check of one given). */
    Account create(Did did, Handle handle, Optional<String> email, Optional<String> password, Optional<String> inviteCode,
                   boolean inviteWaived) {
        requireInvite(inviteCode, inviteWaived);
        Optional<String> passwordHash = password.map(hasher::hash);
        Instant now = now();
        AccountRow row = new AccountRow(did, handle.normalized(), email.map(AccountService::normalizeEmail),
                passwordHash, now, Optional.empty(), Optional.empty(), Optional.empty());
        db.write(s -> {
            if (AccountTable.byDid(s, did).isPresent()) {
                throw new AccountException(Problem.ALREADY_EXISTS, "Account already exists: " + did);
            }
            requireHandleFree(s, row.handle(), Optional.empty());
            if (row.email().isPresent() && AccountTable.byEmail(s, row.email().get()).isPresent()) {
                throw new AccountException(Problem.EMAIL_NOT_AVAILABLE, "Email already taken: " + row.email().get());
            }
            if (inviteCode.isPresent()) useInvite(s, inviteCode.get(), did, now);
            AccountTable.insert(s, row);
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "account created did={0} handle={1}", did, row.handle());
        return toAccount(row);
    }

    /**
     * Checks, without changing anything, that {@link #create} would accept this handle, e-mail and
     * invite: so a sign-up is refused before a DID is minted for it. {@code create} checks again.
     *
     * @throws AccountException HANDLE_NOT_AVAILABLE, EMAIL_NOT_AVAILABLE or INVALID_INVITE_CODE
     */
    public void checkAvailable(Handle handle, Optional<String> email, Optional<String> inviteCode) {
        checkAvailable(handle, email, inviteCode, false);
    }

    /** {@link #checkAvailable}, where {@code inviteWaived} drops the requirement of a code. */
    void checkAvailable(Handle handle, Optional<String> email, Optional<String> inviteCode, boolean inviteWaived) {
        requireInvite(inviteCode, inviteWaived);
        db.read(s -> {
            requireHandleFree(s, handle.normalized(), Optional.empty());
            Optional<String> normalized = email.map(AccountService::normalizeEmail);
            if (normalized.isPresent() && AccountTable.byEmail(s, normalized.get()).isPresent()) {
                throw new AccountException(Problem.EMAIL_NOT_AVAILABLE, "Email already taken: " + normalized.get());
            }
            if (inviteCode.isPresent()) requireInviteAvailable(s, inviteCode.get());
            return null;
        });
    }

    /** With {@code PDS_INVITE_REQUIRED}, a sign-up names a code, unless the administrator creates the account. */
    private void requireInvite(Optional<String> inviteCode, boolean waived) {
        if (inviteRequired && !waived && inviteCode.isEmpty()) {
            throw new AccountException(Problem.INVALID_INVITE_CODE, "No invite code provided");
        }
    }

    public Optional<Account> find(AtIdentifier identifier) {
        return switch (identifier) {
            case Did did -> findByDid(did);
            case Handle handle -> findByHandle(handle);
        };
    }

    public Optional<Account> findByDid(Did did) {
        return db.read(s -> AccountTable.byDid(s, did)).map(AccountService::toAccount);
    }

    public Optional<Account> findByHandle(Handle handle) {
        return db.read(s -> AccountTable.byHandle(s, handle.normalized())).map(AccountService::toAccount);
    }

    public Optional<Account> findByEmail(String email) {
        return db.read(s -> AccountTable.byEmail(s, normalizeEmail(email))).map(AccountService::toAccount);
    }

    public boolean isHandleAvailable(Handle handle) {
        return findByHandle(handle).isEmpty();
    }

    /**
     * Checks a login: {@code identifier} is a handle, an e-mail address or a DID (any case), and
     * {@code password} the account's own password or one of its app passwords. A taken-down
     * account can only log in with its own password. Empty for any failure, alike: the caller must
     * not tell an unknown identifier from a wrong password, and the time spent does not either.
     */
    public Optional<Login> login(String identifier, String password) {
        Optional<AccountRow> found = db.read(s -> lookupForLogin(s, identifier.toLowerCase(Locale.ROOT)));
        if (found.isEmpty()) {
            hasher.burn(password);
            if (AppPasswordService.hasAppPasswordForm(password)) hasher.burn(password);
            return Optional.empty();
        }
        AccountRow row = found.get();
        Account account = toAccount(row);
        boolean ownPassword = row.passwordHash().map(hash -> hasher.verify(password, hash)).orElseGet(() -> {
            hasher.burn(password);
            return false;
        });
        if (ownPassword) return Optional.of(new Login(account, Optional.empty()));
        if (account.takendown()) return Optional.empty();
        return appPasswords.verify(account.did(), password).map(grant -> new Login(account, Optional.of(grant)));
    }

    /**
     * Checks the account's own password, never an app password: for steps that must not be open to
     * a delegated login (deleting the account). False for an unknown DID, after the same hashing time.
     */
    public boolean verifyOwnPassword(Did did, String password) {
        Optional<String> hash = db.read(s -> AccountTable.byDid(s, did)).flatMap(AccountRow::passwordHash);
        if (hash.isEmpty()) {
            hasher.burn(password);
            return false;
        }
        return hasher.verify(password, hash.get());
    }

    /**
     * Stores a new handle for the account (resolution and the DID document are the caller's).
     *
     * @throws AccountException HANDLE_NOT_AVAILABLE when another account has it, NOT_FOUND
     */
    public Account updateHandle(Did did, Handle handle) {
        Handle normalized = handle.normalized();
        AccountRow updated = db.write(s -> {
            requireHandleFree(s, normalized, Optional.of(did));
            AccountTable.updateHandle(s, did, normalized);
            return AccountTable.byDid(s, did).orElseThrow(() -> notFound(did));
        });
        LOG.log(System.Logger.Level.INFO, "handle updated did={0} handle={1}", did, normalized);
        return toAccount(updated);
    }

    /** Records that the account holder proved control of its address. @throws AccountException NOT_FOUND */
    public Account confirmEmail(Did did) {
        Instant now = now();
        return change(did, "email confirmed", s -> AccountTable.updateEmailConfirmedAt(s, did, now));
    }

    /**
     * Gives the account a new, unconfirmed address; codes mailed to the old one stop working.
     *
     * @throws AccountException EMAIL_NOT_AVAILABLE when another account has it, NOT_FOUND
     */
    public Account updateEmail(Did did, String email) {
        String normalized = normalizeEmail(email);
        return change(did, "email updated", s -> {
            Optional<AccountRow> holder = AccountTable.byEmail(s, normalized);
            if (holder.isPresent() && !holder.get().did().equals(did)) {
                throw new AccountException(Problem.EMAIL_NOT_AVAILABLE,
                        "This email address is already in use, please use a different email.");
            }
            EmailTokenTable.deleteAll(s, did);
            return AccountTable.updateEmail(s, did, normalized);
        });
    }

    /**
     * Sets a new password and ends every session, as a reset is what someone does who fears the old
     * password is known. Outstanding codes go too.
     *
     * @throws AccountException NOT_FOUND
     */
    public Account resetPassword(Did did, String password) {
        String hash = hasher.hash(password);
        return change(did, "password reset", s -> {
            RefreshTokenTable.deleteForAccount(s, did);
            EmailTokenTable.deleteAll(s, did);
            return AccountTable.updatePasswordHash(s, did, hash);
        });
    }

    /** @throws AccountException NOT_FOUND */
    public Account activate(Did did) {
        return change(did, "activated", s -> AccountTable.updateDeactivatedAt(s, did, Optional.empty()));
    }

    /** @throws AccountException NOT_FOUND */
    public Account deactivate(Did did) {
        Instant now = now();
        return change(did, "deactivated", s -> AccountTable.updateDeactivatedAt(s, did, Optional.of(now)));
    }

    /**
     * Takes the account down under the moderation reference {@code ref}, or restores it when empty.
     * A takedown also ends its sessions: its refresh tokens are deleted.
     *
     * @throws AccountException NOT_FOUND
     */
    public Account updateTakedown(Did did, Optional<String> ref) {
        return change(did, ref.isPresent() ? "taken down" : "restored", s -> {
            if (ref.isPresent()) RefreshTokenTable.deleteForAccount(s, did);
            return AccountTable.updateTakedownRef(s, did, ref);
        });
    }

    /** Deletes the account with its sessions, app passwords and e-mail tokens; false if there was none. */
    public boolean delete(Did did) {
        boolean deleted = db.write(s -> AccountTable.delete(s, did));
        if (deleted) LOG.log(System.Logger.Level.INFO, "account deleted did={0}", did);
        return deleted;
    }

    /** A page of accounts in DID order, after {@code after} (a cursor: the last DID of the previous page). */
    public List<Account> list(Optional<Did> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
        return db.read(s -> AccountTable.list(s, after, limit)).stream().map(AccountService::toAccount).toList();
    }

    /**
     * A page of accounts in DID order, after {@code after}, whose handle or e-mail contains
     * {@code text} (any case) or whose DID starts with it; an empty {@code text} matches all.
     */
    public List<Account> search(String text, Optional<Did> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        return db.read(s -> AccountTable.search(s, normalized, after, limit)).stream().map(AccountService::toAccount).toList();
    }

    @FunctionalInterface
    private interface Update {
        boolean run(SqlSession s) throws java.sql.SQLException;
    }

    private Account change(Did did, String what, Update update) {
        AccountRow row = db.write(s -> {
            if (!update.run(s)) throw notFound(did);
            return AccountTable.byDid(s, did).orElseThrow(() -> notFound(did));
        });
        LOG.log(System.Logger.Level.INFO, "account {0} did={1}", what, did);
        return toAccount(row);
    }

    private static Optional<AccountRow> lookupForLogin(SqlSession s, String identifier) throws java.sql.SQLException {
        if (identifier.contains("@")) return AccountTable.byEmail(s, identifier);
        if (!AtIdentifier.isValid(identifier)) return Optional.empty();
        return switch (AtIdentifier.parse(identifier)) {
            case Did did -> AccountTable.byDid(s, did);
            case Handle handle -> AccountTable.byHandle(s, handle);
        };
    }

    private static void requireHandleFree(SqlSession s, Handle handle, Optional<Did> owner) throws java.sql.SQLException {
        Optional<AccountRow> holder = AccountTable.byHandle(s, handle);
        if (holder.isPresent() && !owner.equals(Optional.of(holder.get().did()))) {
            throw new AccountException(Problem.HANDLE_NOT_AVAILABLE, "Handle already taken: " + handle);
        }
    }

    private static void useInvite(SqlSession s, String code, Did did, Instant now) throws java.sql.SQLException {
        requireInviteAvailable(s, code);
        InviteCodeTable.recordUse(s, code, did, now);
    }

    private static void requireInviteAvailable(SqlSession s, String code) throws java.sql.SQLException {
        Optional<InviteCodeRow> invite = InviteCodeTable.find(s, code);
        boolean available = invite.isPresent() && !invite.get().disabled()
                && InviteCodeTable.useCount(s, code) < invite.get().availableUses()
                && !ownerTakenDown(s, invite.get().forAccount());
        if (!available) throw new AccountException(Problem.INVALID_INVITE_CODE, "Provided invite code not available");
    }

    /** A taken-down account's codes stop working, as in the official PDS. */
    private static boolean ownerTakenDown(SqlSession s, String forAccount) throws java.sql.SQLException {
        return Did.isValid(forAccount)
                && AccountTable.byDid(s, Did.parse(forAccount)).flatMap(AccountRow::takedownRef).isPresent();
    }

    private static AccountException notFound(Did did) {
        return new AccountException(Problem.NOT_FOUND, "Account not found: " + did);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static Account toAccount(AccountRow row) {
        return new Account(row.did(), row.handle(), row.email(), row.createdAt(), row.emailConfirmedAt(),
                row.deactivatedAt(), row.takedownRef());
    }
}
