package org.auroralocus.server.xrpc.com.atproto.sync;

import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.ActorWork;
import org.auroralocus.server.actor.ActorRead;
import org.auroralocus.server.actor.db.RepoRootTable.RepoRoot;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * What every com.atproto.sync method checks first: that the repository is hosted here and served,
 * with the official PDS's error names and messages.
 */
final class SyncAccess {
    private final AccountService accounts;
    private final ActorStores actors;

    SyncAccess(AccountService accounts, ActorStores actors) {
        this.accounts = accounts;
        this.actors = actors;
    }

    /** The account behind {@code did} in any state; RepoNotFound when none is hosted here. */
    Account hosted(Did did) {
        return accounts.findByDid(did).orElseThrow(() -> notFound(did));
    }

    /**
     * The account when its repository is served: a taken-down one is RepoTakendown, a deactivated
     * one RepoDeactivated (a takedown outranks a deactivation, as in the official PDS).
     */
    Account available(Did did) {
        Account account = hosted(did);
        if (account.takendown()) throw XrpcException.invalidRequest("RepoTakendown", "Repo has been takendown: " + did);
        if (account.deactivatedAt().isPresent()) {
            throw XrpcException.invalidRequest("RepoDeactivated", "Repo has been deactivated: " + did);
        }
        return account;
    }

    /** The repository's current commit; RepoNotFound for an account with no repository (yet). */
    RepoRoot root(Did did) {
        return read(did, r -> r.root()).orElseThrow(() -> notFound(did));
    }

    /** A read of the account's store; a store that does not exist is RepoNotFound. */
    <T> T read(Did did, ActorWork<ActorRead, T> work) {
        try {
            return actors.read(did, work);
        } catch (ActorNotFoundException e) {
            throw notFound(did);
        }
    }

    /** The current commit when the account has a repository; for listings, which skip the others. */
    Optional<RepoRoot> rootIfAny(Did did) {
        try {
            return actors.read(did, r -> r.root());
        } catch (ActorNotFoundException e) {
            return Optional.empty();
        }
    }

    static XrpcException notFound(Did did) {
        return XrpcException.invalidRequest("RepoNotFound", "Could not find repo for DID: " + did);
    }
}
