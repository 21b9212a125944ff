package org.auroralocus.server.identity;

import java.util.Optional;
import org.auroralocus.atproto.identity.CachingDidResolver;
import org.auroralocus.atproto.identity.HandleResolver;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.Sequencer;
import org.auroralocus.server.xrpc.XrpcException;

/** Handles of the accounts hosted here: resolving them (local first) and changing them everywhere at once. */
public final class IdentityService {
    private static final System.Logger LOG = System.getLogger(IdentityService.class.getName());

    private final AccountService accounts;
    private final HandleRules rules;
    private final PlcIdentity plc;
    private final HandleResolver network;
    private final Sequencer sequencer;
    private final CachingDidResolver didCache;

    public IdentityService(AccountService accounts, HandleRules rules, PlcIdentity plc, HandleResolver network,
                           Sequencer sequencer, CachingDidResolver didCache) {
        this.accounts = accounts;
        this.rules = rules;
        this.plc = plc;
        this.network = network;
        this.sequencer = sequencer;
        this.didCache = didCache;
    }

    /** Accounts hosted here answer at once; other handles go to DNS and HTTPS. */
    public Optional<Did> resolveHandle(Handle handle) {
        Optional<Account> local = accounts.findByHandle(handle.normalized());
        // a taken-down account's handle resolves no more; asking the network about a handle this
        // server answers for would only come back here
        if (local.isPresent()) return local.filter(a -> !a.takendown()).map(Account::did);
        return network.resolve(handle.normalized());
    }

    /** The account hosted here with this handle, if any and not taken down (for {@code /.well-known/atproto-did}). */
    public Optional<Did> localHandle(Handle handle) {
        return accounts.findByHandle(handle.normalized()).filter(a -> !a.takendown()).map(Account::did);
    }

    /**
     * Changes the handle in the account table and, for did:plc, in the DID document, then tells
     * relays with an {@code #identity} event. The PLC change comes first: if the directory refuses,
     * nothing here has changed.
     */
    public Account updateHandle(Did did, String requested) {
        Handle handle = rules.forExistingAccount(requested, did);
        Account current = accounts.findByDid(did).orElseThrow(() -> XrpcException.invalidRequest("Account not found"));
        // as the official PDS's checkTakedown: a taken-down account's old session cannot change its identity
        if (current.takendown()) throw new XrpcException(401, "AccountTakedown", "Account has been taken down");
        if (!current.handle().equals(handle) && !accounts.isHandleAvailable(handle)) {
            throw XrpcException.invalidRequest("HandleNotAvailable", "Handle already taken: " + handle);
        }
        return changeHandle(did, handle);
    }

    /**
     * The administrator's handle change (com.atproto.admin.updateAccountHandle): any valid handle,
     * without the service-domain rules or a proof of a custom domain, as in the official PDS.
     */
    public Account updateHandleAsAdministrator(Did did, Handle requested) {
        Handle handle = requested.normalized();
        Account current = accounts.findByDid(did).orElseThrow(() ->
                new AccountException(AccountException.Problem.NOT_FOUND, "Account not found: " + did));
        if (!current.handle().equals(handle) && !accounts.isHandleAvailable(handle)) {
            throw new AccountException(AccountException.Problem.HANDLE_NOT_AVAILABLE, "Handle already taken: " + handle);
        }
        return changeHandle(did, handle);
    }

    private Account changeHandle(Did did, Handle handle) {
        if (did.isPlc()) plc.updateHandle(did, handle);
        Account updated;
        try {
            updated = accounts.updateHandle(did, handle);
        } catch (AccountException e) {
            if (e.problem() == AccountException.Problem.HANDLE_NOT_AVAILABLE) {
                throw XrpcException.invalidRequest("HandleNotAvailable", e.getMessage());
            }
            throw e;
        }
        didCache.invalidate(did);
        sequencer.append(new RepoEvent.IdentityEvent(did, Optional.of(handle)));
        LOG.log(System.Logger.Level.INFO, "handle changed did={0} handle={1}", did, handle);
        return updated;
    }
}
