package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.CommitMeta;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.repo.RepoWrite;
import org.auroralocus.server.repo.RepoWriteException;
import org.auroralocus.server.repo.Validation;
import org.auroralocus.server.repo.ValidationStatus;
import org.auroralocus.server.repo.WriteOutcome;
import org.auroralocus.server.repo.WriteResult;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.repo.createRecord: one new record in the caller's repository. A key already in use
 * is 400 InvalidRequest and changes nothing (the official PDS answers 500 there).
 */
public final class CreateRecord implements XrpcProcedure<CreateRecord.Input, CreateRecord.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.createRecord");
    /** The official repository-write budget; a create weighs 3 points. */
    public static final List<RouteLimit> RATE_LIMITS = RepoWriteLimits.weighing(input -> RepoWriteLimits.CREATE);

    record Input(AtIdentifier repo, Nsid collection, Optional<RecordKey> rkey, Optional<Boolean> validate,
                 DataValue.MapValue record, Optional<Cid> swapCommit) {}

    /** The output of createRecord and putRecord. */
    record Output(AtUri uri, Cid cid, Optional<CommitMeta> commit, Optional<String> validationStatus) {
        static Output of(WriteOutcome outcome) {
            WriteResult.Written written = (WriteResult.Written) outcome.results().getFirst();
            return new Output(written.uri(), written.cid(), outcome.commit(),
                    written.validationStatus().map(ValidationStatus::wireName));
        }
    }

    private final RepoAccess access;
    private final RepoService repos;

    public CreateRecord(AccountService accounts, RepoService repos) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
    }

    @Override public Output handle(Input input, Caller caller) {
        var did = access.writable(input.repo(), caller);
        try {
            return Output.of(repos.applyWrite(did, new RepoWrite.Create(input.collection(), input.rkey(), input.record()),
                    input.swapCommit(), Validation.of(input.validate())));
        } catch (RepoWriteException e) {
            throw RepoAccess.error(e);
        }
    }
}
