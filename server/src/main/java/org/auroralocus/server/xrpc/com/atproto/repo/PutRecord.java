package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.repo.RepoWrite;
import org.auroralocus.server.repo.RepoWriteException;
import org.auroralocus.server.repo.Validation;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcProcedure;

/**
 * com.atproto.repo.putRecord: create or replace the record at a key. Writing the value it already
 * has makes no commit (the output then has no {@code commit}), as in the official PDS.
 */
public final class PutRecord implements XrpcProcedure<PutRecord.Input, CreateRecord.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.putRecord");
    /** The official repository-write budget; a put weighs 2 points (as an update, even when it creates). */
    public static final List<RouteLimit> RATE_LIMITS = RepoWriteLimits.weighing(input -> RepoWriteLimits.UPDATE);

    /**
     * {@code swapRecord} is nullable in the lexicon, {@code null} meaning "must not exist yet"; the
     * binder cannot tell null from absent, so null skips the check, as absent does.
     */
    record Input(AtIdentifier repo, Nsid collection, RecordKey rkey, Optional<Boolean> validate, DataValue.MapValue record,
                 Optional<Cid> swapRecord, Optional<Cid> swapCommit) {}

    private final RepoAccess access;
    private final RepoService repos;

    public PutRecord(AccountService accounts, RepoService repos) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
    }

    @Override public CreateRecord.Output handle(Input input, Caller caller) {
        var did = access.writable(input.repo(), caller);
        try {
            return CreateRecord.Output.of(repos.applyWrite(did,
                    new RepoWrite.Put(input.collection(), input.rkey(), input.record(), input.swapRecord()),
                    input.swapCommit(), Validation.of(input.validate())));
        } catch (RepoWriteException e) {
            throw RepoAccess.error(e);
        }
    }
}
