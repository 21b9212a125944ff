package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.repo.RecordPath;
import org.auroralocus.atproto.repo.RepoRecord;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/** com.atproto.repo.getRecord: one record of a repository hosted here, optionally at a given CID. */
public final class GetRecord implements XrpcQuery<GetRecord.Params, GetRecord.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.getRecord");

    record Params(AtIdentifier repo, Nsid collection, RecordKey rkey, Optional<Cid> cid) {}

    /** {@code cid} is optional in the lexicon (for servers without one); ours always have it. */
    record Output(AtUri uri, Optional<Cid> cid, DataValue value) {}

    private final RepoAccess access;
    private final RepoService repos;

    public GetRecord(AccountService accounts, RepoService repos) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
    }

    /**
     * A taken-down or deactivated account's records are not served, with the official PDS's
     * message for that case ({@code Could not locate record}).
     */
    @Override public Output handle(Params p, Caller caller) {
        Account account = access.hosted(p.repo()).orElseThrow(() -> XrpcException.invalidRequest("Could not find repo: " + p.repo()));
        if (!account.active()) throw XrpcException.invalidRequest("Could not locate record");
        AtUri uri = AtUri.of(account.did(), p.collection(), p.rkey());
        RepoRecord record = repos.getRecord(account.did(), new RecordPath(p.collection(), p.rkey()), p.cid()).orElseThrow(() ->
                XrpcException.invalidRequest("RecordNotFound", "Could not locate record: " + uri));
        return new Output(uri, Optional.of(record.cid()), record.value());
    }
}
