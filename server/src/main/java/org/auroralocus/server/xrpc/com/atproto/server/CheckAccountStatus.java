package org.auroralocus.server.xrpc.com.atproto.server;

import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountLifecycle;
import org.auroralocus.server.account.AccountStatusReport;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.NoInput;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.server.checkAccountStatus: how far an account moving here has got (repository, DID, activation). */
public final class CheckAccountStatus implements XrpcQuery<NoInput, CheckAccountStatus.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.server.checkAccountStatus");

    /** {@code repoRev} is a plain string in the lexicon. */
    record Output(boolean activated, boolean validDid, Cid repoCommit, String repoRev, long repoBlocks,
                  long indexedRecords, long privateStateValues, long expectedBlobs, long importedBlobs) {}

    private final AccountLifecycle lifecycle;

    public CheckAccountStatus(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override public Output handle(NoInput params, Caller caller) {
        AccountStatusReport r;
        try {
            r = lifecycle.status(((Caller.User) caller).did());
        } catch (ActorNotFoundException e) {
            // the official PDS's answer when the actor store is gone (a deleted account's token)
            throw XrpcException.invalidRequest("NotFound", "Repo not found");
        }
        // privateStateValues: the official PDS has no private state yet and always answers 0
        return new Output(r.activated(), r.validDid(), r.repoCommit(), r.repoRev().toString(), r.repoBlocks(),
                r.indexedRecords(), 0, r.expectedBlobs(), r.importedBlobs());
    }
}
