package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.CommitMeta;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.repo.RepoWrite;
import org.auroralocus.server.repo.RepoWriteException;
import org.auroralocus.server.repo.Validation;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.repo.deleteRecord: make sure a record is gone; deleting a missing one answers {@code {}} and commits nothing. */
public final class DeleteRecord implements XrpcProcedure<DeleteRecord.Input, DeleteRecord.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.deleteRecord");
    /** The official repository-write budget; a delete weighs 1 point. */
    public static final List<RouteLimit> RATE_LIMITS = RepoWriteLimits.weighing(input -> RepoWriteLimits.DELETE);

    record Input(AtIdentifier repo, Nsid collection, RecordKey rkey, Optional<Cid> swapRecord, Optional<Cid> swapCommit) {}

    record Output(Optional<CommitMeta> commit) {}

    private final RepoAccess access;
    private final RepoService repos;

    public DeleteRecord(AccountService accounts, RepoService repos) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
    }

    @Override public Output handle(Input input, Caller caller) {
        var did = access.writable(input.repo(), caller);
        try {
            return new Output(repos.applyWrite(did, new RepoWrite.Delete(input.collection(), input.rkey(), input.swapRecord(), true),
                    input.swapCommit(), Validation.OFF).commit());
        } catch (RepoWriteException e) {
            throw RepoAccess.error(e);
        }
    }
}
