package org.auroralocus.server.admin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.SyntaxException;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountCreation;
import org.auroralocus.server.account.AccountDeletion;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.AccountLifecycle;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.identity.DidNotHostedHereException;
import org.auroralocus.server.identity.HandleRules;
import org.auroralocus.server.identity.IdentityService;
import org.auroralocus.server.mail.Mailer;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * Everything the administrator does, for the com.atproto.admin XRPC methods and the desktop
 * application alike. Every method blocks (call it off a UI thread) and refuses bad input with an
 * {@link AdminException} whose message can be shown as it is. Changes are announced on the firehose
 * exactly as the same change made over XRPC is.
 */
public final class AdminService {
    /** The official PDS's longest password. */
    static final int MAX_PASSWORD_LENGTH = 256;
    /** The official sendEmail's subject when none is given. */
    public static final String DEFAULT_SUBJECT = "Message via your PDS";

    /** The services the administrator's actions go through. */
    public record Parts(AccountService accounts, AccountCreation creation, HandleRules handleRules,
                        IdentityService identity, AccountLifecycle lifecycle, AccountDeletion deletion, Mailer mailer) {}

    private final Parts parts;
    private final AccountService accounts;
    private final Takedowns takedowns;
    private final Invites invites;
    private final Clock clock;

    /**
     * @param hostname the server's hostname, which starts every invite code
     */
    public AdminService(Parts parts, org.auroralocus.server.actor.ActorStores actors,
                        org.auroralocus.server.sequencer.Sequencer sequencer, org.auroralocus.server.db.Database accountDb,
                        String hostname, Clock clock, java.security.SecureRandom random) {
        this.parts = parts;
        this.accounts = parts.accounts();
        this.takedowns = new Takedowns(accounts, actors, sequencer, accountDb, clock);
        this.invites = new Invites(accountDb, hostname, clock, random);
        this.clock = clock;
    }

    // accounts

    /**
     * A page of accounts in DID order whose handle or e-mail contains {@code query}, or whose DID
     * starts with it ({@code ""} lists all); {@code cursor} is the previous page's.
     */
    public AccountPage searchAccounts(String query, Optional<String> cursor, int limit) {
        if (limit < 1) throw invalid("The page size must be positive");
        Optional<Did> after = cursor.map(c -> {
            try {
                return Did.parse(c);
            } catch (SyntaxException e) {
                throw invalid("Malformed cursor");
            }
        });
        List<Account> found = accounts.search(query, after, limit);
        Optional<String> next = found.size() < limit ? Optional.empty() : Optional.of(found.getLast().did().toString());
        return new AccountPage(found.stream().map(AccountSummary::of).toList(), next);
    }

    public Optional<AccountSummary> account(Did did) {
        return accounts.findByDid(did).map(AccountSummary::of);
    }

    /** The account with its invite codes, the code it signed up with, and whether it may get codes. */
    public Optional<AccountInfo> accountInfo(Did did) {
        return accounts.findByDid(did).map(account -> new AccountInfo(account, invites.forAccount(did),
                invites.usedBy(did), invites.accountInvitesDisabled(did)));
    }

    /**
     * Signs up an account as com.atproto.server.createAccount does (a new did:plc, its repository,
     * the same firehose events), under the same handle rules (a handle on a service domain); but no
     * invite code is needed even when the server requires them, the administrator being the authority.
     * A code given is checked and used up.
     */
    public AccountSummary createAccount(Handle handle, Optional<String> email, String password, Optional<String> inviteCode) {
        requirePassword(password);
        email.ifPresent(AdminService::requireEmail);
        return translate(() -> {
            Handle allowed = parts.handleRules().forNewAccount(handle.toString());
            return AccountSummary.of(parts.creation().createAsAdministrator(new AccountCreation.Request(allowed, email,
                    Optional.of(password), inviteCode, Optional.empty(), Optional.empty())).account());
        });
    }

    /** Any valid handle, without the service-domain rules or a domain proof, as the official updateAccountHandle. */
    public void updateHandle(Did did, Handle handle) {
        if (!handle.hasAllowedTld()) throw invalid("Handle TLD is invalid or disallowed: " + handle);
        translate(() -> parts.identity().updateHandleAsAdministrator(did, handle));
    }

    /** A new, unconfirmed address. */
    public void updateEmail(Did did, String email) {
        requireEmail(email);
        translate(() -> accounts.updateEmail(did, email));
    }

    /** A new password; the account's sessions end, as after a reset. */
    public void updatePassword(Did did, String password) {
        requirePassword(password);
        translate(() -> accounts.resetPassword(did, password));
    }

    /** Deactivates the account, announced with an {@code #account} event. */
    public void deactivateAccount(Did did) {
        translate(() -> parts.lifecycle().deactivate(did, Optional.empty()));
    }

    /** Activates a deactivated account, announced as the account's own activation is. */
    public void activateAccount(Did did) {
        translate(() -> parts.lifecycle().activate(did));
    }

    /** Deletes the account and all its data at once; relays get an {@code #account} event with status {@code deleted}. */
    public void deleteAccount(Did did) {
        translate(() -> {
            parts.deletion().deleteByAdministrator(did);
            return null;
        });
        takedowns.forget(did);
    }

    /** Sends the account holder a plain-text message (empty subject: the official default). */
    public void sendEmail(Did recipient, String subject, String content) {
        Account account = accounts.findByDid(recipient).orElseThrow(() ->
                new AdminException(AdminException.Problem.NOT_FOUND, "Recipient not found"));
        String address = account.email().orElseThrow(() -> invalid("account does not have an email address"));
        parts.mailer().sendMessage(recipient, address, subject.isBlank() ? DEFAULT_SUBJECT : subject, content);
    }

    // takedowns

    public void takedownAccount(Did did, String reference) {
        takedowns.apply(new Subject.Account(did), Optional.of(requireReference(reference)));
    }

    public void reverseAccountTakedown(Did did) {
        takedowns.apply(new Subject.Account(did), Optional.empty());
    }

    public void takedownRecord(AtUri uri, Cid cid, String reference) {
        takedowns.apply(record(uri, cid), Optional.of(requireReference(reference)));
    }

    public void reverseRecordTakedown(AtUri uri) {
        SubjectStatus status = recordStatus(uri).orElseThrow(() ->
                new AdminException(AdminException.Problem.NOT_FOUND, "No record " + uri + " here"));
        takedowns.apply(status.subject(), Optional.empty());
    }

    public void takedownBlob(Did did, Cid cid, String reference) {
        takedowns.apply(new Subject.Blob(did, cid), Optional.of(requireReference(reference)));
    }

    public void reverseBlobTakedown(Did did, Cid cid) {
        takedowns.apply(new Subject.Blob(did, cid), Optional.empty());
    }

    /** Every current takedown, newest first. */
    public List<TakenDownSubject> takenDown() {
        return takedowns.all();
    }

    /**
     * com.atproto.admin.updateSubjectStatus: applies or lifts a takedown of any subject and, for an
     * account, a deactivation. An applied takedown without a reference gets the time as one, as in
     * the official PDS.
     */
    public void updateSubjectStatus(Subject subject, Optional<StatusAttr> takedown, Optional<StatusAttr> deactivated) {
        if (takedown.map(StatusAttr::applied).orElse(false) && deactivated.map(d -> !d.applied()).orElse(false)) {
            throw invalid("Cannot activate and takedown an account at the same time");
        }
        takedown.ifPresent(t -> takedowns.apply(subject, t.applied()
                ? Optional.of(t.ref().filter(r -> !r.isBlank()).orElseGet(() -> clock.instant().toString()))
                : Optional.empty()));
        if (deactivated.isPresent() && subject instanceof Subject.Account account) {
            if (deactivated.get().applied()) deactivateAccount(account.did());
            else activateAccount(account.did());
        }
    }

    /** The subject's moderation state; empty when there is no such account, record or blob here. */
    public Optional<SubjectStatus> subjectStatus(Subject subject) {
        return takedowns.status(subject);
    }

    /** A record's moderation state by its AT URI, with its current CID. */
    public Optional<SubjectStatus> recordStatus(AtUri uri) {
        return takedowns.recordStatus(uri);
    }

    // invites

    /** New codes made by the administrator, for an account or (empty) for anyone. */
    public List<InviteCode> createInviteCodes(int codeCount, int useCount, Optional<Did> forAccount) {
        return invites.create(codeCount, useCount, forAccount);
    }

    /** Every code, newest first. */
    public InvitePage inviteCodes(Optional<String> cursor, int limit) {
        return invites.page(cursor, limit);
    }

    /** Disables the codes, and every code made for the accounts. */
    public void disableInviteCodes(List<String> codes, List<Did> accounts) {
        invites.disable(codes, accounts);
    }

    /** Stops (or lets again) the account from getting invite codes. */
    public void setAccountInvitesDisabled(Did did, boolean disabled) {
        if (!invites.setAccountInvitesDisabled(did, disabled)) {
            throw new AdminException(AdminException.Problem.NOT_FOUND, "Account not found: " + did);
        }
    }

    // checks and translation

    private static Subject.Record record(AtUri uri, Cid cid) {
        try {
            return new Subject.Record(uri, cid);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static String requireReference(String reference) {
        if (reference.isBlank()) throw invalid("A takedown needs a reference (for example a report number)");
        return reference;
    }

    private static void requirePassword(String password) {
        if (password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) throw invalid("Invalid password length.");
    }

    /** Only a plausibility check: delivery is what proves an address. */
    private static void requireEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.strip().length() != email.length()) {
            throw invalid("Not an e-mail address: " + email);
        }
    }

    private static AdminException invalid(String message) {
        return new AdminException(AdminException.Problem.INVALID, message);
    }

    /** Runs an account operation, turning the services' refusals into the administrator's. */
    private static <T> T translate(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (AccountException e) {
            throw new AdminException(switch (e.problem()) {
                case NOT_FOUND -> AdminException.Problem.NOT_FOUND;
                case HANDLE_NOT_AVAILABLE -> AdminException.Problem.HANDLE_NOT_AVAILABLE;
                case EMAIL_NOT_AVAILABLE -> AdminException.Problem.EMAIL_NOT_AVAILABLE;
                case INVALID_INVITE_CODE -> AdminException.Problem.INVALID_INVITE_CODE;
                case ALREADY_EXISTS, APP_PASSWORD_NAME_TAKEN -> AdminException.Problem.INVALID;
            }, e.getMessage());
        } catch (DidNotHostedHereException e) {
            throw invalid(e.getMessage());
        } catch (XrpcException e) {
            // the handle rules answer in XRPC terms, shared with the sign-up endpoint
            throw new AdminException(e.error().equals("HandleNotAvailable") ? AdminException.Problem.HANDLE_NOT_AVAILABLE
                    : AdminException.Problem.INVALID, e.getMessage());
        }
    }
}
