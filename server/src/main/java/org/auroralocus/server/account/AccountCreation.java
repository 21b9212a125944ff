package org.auroralocus.server.account;

import java.security.SecureRandom;
import java.util.Optional;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.repo.CommitResult;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.auth.SessionService;
import org.auroralocus.server.auth.SessionTokens;
import org.auroralocus.server.identity.PlcIdentity;
import org.auroralocus.server.repo.RepoService;

/**
 * Signing up: a new did:plc (or a migrating account's own DID), its repository, the account row and
 * a first session, then the events that tell relays. Each step that fails undoes the ones before it,
 * so a refused sign-up leaves no half-made account, repository or live DID behind.
 */
public final class AccountCreation {
    private static final System.Logger LOG = System.getLogger(AccountCreation.class.getName());

    /** A checked sign-up: the handle is normalized and allowed, the rest validated by the caller. */
    public record Request(Handle handle, Optional<String> email, Optional<String> password,
                          Optional<String> inviteCode, Optional<PublicKey> recoveryKey, Optional<Did> existingDid) {}

    public record Created(Account account, SessionTokens tokens) {}

    private final AccountService accounts;
    private final SessionService sessions;
    private final RepoService repos;
    private final PlcIdentity plc;
    private final SecureRandom random;

    public AccountCreation(AccountService accounts, SessionService sessions, RepoService repos, PlcIdentity plc,
                           SecureRandom random) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.repos = repos;
        this.plc = plc;
        this.random = random;
    }

    /** A sign-up: an invite code is needed when the server requires them. */
    public Created create(Request request) {
        return create(request, false);
    }

    /**
     * An account the administrator creates (the desktop app's "create account"): the owner of the
     * server is the authority invite codes stand in for, so none is needed; one given is still used up.
     */
    public Created createAsAdministrator(Request request) {
        return create(request, true);
    }

    private Created create(Request request, boolean inviteWaived) {
        accounts.checkAvailable(request.handle(), request.email(), request.inviteCode(), inviteWaived);
        KeyPair signingKey = KeyPair.generate(Curve.K256, random);
        Optional<SignedPlcOp> genesis = request.existingDid().isPresent()
                ? Optional.empty()
                : Optional.of(plc.genesis(request.handle(), signingKey.publicKey(), request.recoveryKey()));
        Did did = request.existingDid().orElseGet(() -> genesis.orElseThrow().genesisDid());

        CommitResult repo = repos.createRepo(did, signingKey);
        try {
            genesis.ifPresent(op -> plc.submit(did, op));
            try {
                Account account = accounts.create(did, request.handle(), request.email(), request.password(),
                        request.inviteCode(), inviteWaived);
                try {
                    if (request.existingDid().isPresent()) {
                        // a migrating account stays deactivated until its data has arrived and it activates
                        account = accounts.deactivate(did);
                    } else {
                        repos.announceNewAccount(did, account.handle(), repo);
                    }
                    SessionTokens tokens = sessions.create(did, Optional.empty(), false);
                    LOG.log(System.Logger.Level.INFO, "signed up did={0} handle={1}", did, account.handle());
                    return new Created(account, tokens);
                } catch (RuntimeException e) {
                    accounts.delete(did);
                    throw e;
                }
            } catch (RuntimeException e) {
                if (genesis.isPresent()) tombstoneQuietly(did);
                throw e;
            }
        } catch (RuntimeException e) {
            repos.destroyRepo(did);
            throw e;
        }
    }

    private void tombstoneQuietly(Did did) {
        try {
            plc.tombstone(did);
        } catch (RuntimeException e) {
            // the sign-up already failed; the DID stays registered but nothing hosts it
            LOG.log(System.Logger.Level.WARNING, "could not tombstone did=" + did + " after a failed sign-up", e);
        }
    }
}
