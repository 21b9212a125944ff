package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.ArrayList;
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
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcProcedure;

/** com.atproto.repo.applyWrites: 1 to 200 creates, updates and deletes as one commit, all or nothing. */
public final class ApplyWrites implements XrpcProcedure<ApplyWrites.Input, ApplyWrites.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.applyWrites");
    /** The official repository-write budget, weighing the writes together (200 creates are 600 points). */
    public static final List<RouteLimit> RATE_LIMITS = RepoWriteLimits.weighing(input -> points((Input) input));
    static final String CREATE = "com.atproto.repo.applyWrites#create";
    static final String UPDATE = "com.atproto.repo.applyWrites#update";
    static final String DELETE = "com.atproto.repo.applyWrites#delete";

    record Input(AtIdentifier repo, Optional<Boolean> validate, List<Write> writes, Optional<Cid> swapCommit) {}

    /**
     * One member of the lexicon's closed union of writes, which {@code $type} names; the fields
     * each kind needs are checked by {@link #toRepoWrite}.
     */
    record Write(String $type, Nsid collection, Optional<RecordKey> rkey, Optional<DataValue.MapValue> value) {}

    record Output(Optional<CommitMeta> commit, List<Result> results) {}

    /** The union of results; each names its {@code $type}, as the official PDS's do. */
    sealed interface Result permits CreateResult, UpdateResult, DeleteResult {}

    record CreateResult(String $type, AtUri uri, Cid cid, Optional<String> validationStatus) implements Result {}

    record UpdateResult(String $type, AtUri uri, Cid cid, Optional<String> validationStatus) implements Result {}

    record DeleteResult(String $type) implements Result {}

    private final RepoAccess access;
    private final RepoService repos;

    public ApplyWrites(AccountService accounts, RepoService repos) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
    }

    @Override public Output handle(Input input, Caller caller) {
        var did = access.writable(input.repo(), caller);
        if (input.writes().isEmpty()) throw XrpcException.invalidRequest("At least one write is required");
        if (input.writes().size() > RepoService.MAX_WRITES) {
            throw XrpcException.invalidRequest("Too many writes. Max: " + RepoService.MAX_WRITES);
        }
        List<RepoWrite> writes = new ArrayList<>(input.writes().size());
        for (int i = 0; i < input.writes().size(); i++) writes.add(toRepoWrite(input.writes().get(i), "$.writes[" + i + "]"));
        WriteOutcome outcome;
        try {
            outcome = repos.applyWrites(did, writes, input.swapCommit(), Validation.of(input.validate()));
        } catch (RepoWriteException e) {
            throw RepoAccess.error(e);
        }
        List<Result> results = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) results.add(result(writes.get(i), outcome.results().get(i)));
        return new Output(outcome.commit(), results);
    }

    /** As the official: what is not a create or an update counts as a delete. */
    private static int points(Input input) {
        int points = 0;
        for (Write w : input.writes()) {
            points += switch (w.$type()) {
                case CREATE -> RepoWriteLimits.CREATE;
                case UPDATE -> RepoWriteLimits.UPDATE;
                default -> RepoWriteLimits.DELETE;
            };
        }
        return points;
    }

    private static RepoWrite toRepoWrite(Write w, String at) {
        return switch (w.$type()) {
            case CREATE -> new RepoWrite.Create(w.collection(), w.rkey(), required(w.value(), "value", at));
            case UPDATE -> new RepoWrite.Update(w.collection(), required(w.rkey(), "rkey", at), required(w.value(), "value", at));
            case DELETE -> new RepoWrite.Delete(w.collection(), required(w.rkey(), "rkey", at), Optional.empty(), false);
            default -> throw XrpcException.invalidRequest(at + " must be one of " + CREATE + ", " + UPDATE + ", " + DELETE
                    + " (got \"" + w.$type() + "\")");
        };
    }

    private static <T> T required(Optional<T> value, String key, String at) {
        return value.orElseThrow(() -> XrpcException.invalidRequest("Missing required key \"" + key + "\" at " + at));
    }

    private static Result result(RepoWrite write, WriteResult result) {
        return switch (result) {
            case WriteResult.Written w when write instanceof RepoWrite.Create ->
                    new CreateResult(CREATE + "Result", w.uri(), w.cid(), w.validationStatus().map(ValidationStatus::wireName));
            case WriteResult.Written w ->
                    new UpdateResult(UPDATE + "Result", w.uri(), w.cid(), w.validationStatus().map(ValidationStatus::wireName));
            case WriteResult.Deleted d -> new DeleteResult(DELETE + "Result");
        };
    }
}
