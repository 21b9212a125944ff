package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.DataJson;
import org.auroralocus.atproto.cbor.DataJsonException;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.repo.describeRepo: an account's handle, DID document and collections. The document
 * is fetched fresh (the official PDS serves a cached one, stale for up to an hour after a handle
 * change), so {@code handleIsCorrect} is true as soon as the change is made.
 */
public final class DescribeRepo implements XrpcQuery<DescribeRepo.Params, DescribeRepo.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.describeRepo");

    record Params(AtIdentifier repo) {}

    record Output(Handle handle, Did did, DataValue didDoc, List<Nsid> collections, boolean handleIsCorrect) {}

    private final RepoAccess access;
    private final RepoService repos;
    private final DidResolver dids;

    public DescribeRepo(AccountService accounts, RepoService repos, DidResolver dids) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
        this.dids = dids;
    }

    @Override public Output handle(Params p, Caller caller) {
        Account account = access.hosted(p.repo()).orElseThrow(() ->
                XrpcException.invalidRequest("RepoNotFound", "Could not find repo for DID: " + p.repo()));
        switch (account.status()) {
            case TAKENDOWN -> throw XrpcException.invalidRequest("RepoTakendown", "Repo has been takendown: " + p.repo());
            case DEACTIVATED -> throw XrpcException.invalidRequest("RepoDeactivated", "Repo has been deactivated: " + p.repo());
            case ACTIVE -> { }
        }
        DidDocument document = document(account.did());
        boolean handleIsCorrect = document.handle().map(Handle::normalized).equals(Optional.of(account.handle().normalized()));
        return new Output(account.handle(), account.did(), json(document), repos.collections(account.did()), handleIsCorrect);
    }

    private DidDocument document(Did did) {
        Optional<DidDocument> document;
        try {
            document = dids.resolveFresh(did);
        } catch (IdentityException e) {
            throw XrpcException.invalidRequest("Could not resolve DID: " + e.getMessage());
        }
        return document.orElseThrow(() -> XrpcException.invalidRequest("Could not resolve DID: " + did + " not found"));
    }

    private static DataValue json(DidDocument document) {
        try {
            return DataJson.parse(document.json());
        } catch (DataJsonException e) {
            throw XrpcException.invalidRequest("DID document of " + document.id() + " cannot be served: " + e.getMessage());
        }
    }
}
