package org.auroralocus.server.xrpc.com.atproto.repo;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.IntRange;
import org.auroralocus.server.xrpc.XrpcException;
import org.auroralocus.server.xrpc.XrpcQuery;

/**
 * com.atproto.repo.listRecords: a page of one collection, newest record key first (oldest first
 * with {@code reverse}). The cursor is the last record key of the page, and any string is taken as
 * one, as in the official PDS ({@code cursor=%%%} is an empty page, not an error).
 */
public final class ListRecords implements XrpcQuery<ListRecords.Params, ListRecords.Output> {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.listRecords");
    static final int DEFAULT_LIMIT = 50;

    record Params(AtIdentifier repo, Nsid collection, @IntRange(min = 1, max = 100) Optional<Integer> limit,
                  Optional<String> cursor, boolean reverse) {}

    record Output(Optional<String> cursor, List<ListedRecord> records) {}

    /** {@code com.atproto.repo.listRecords#record}. */
    record ListedRecord(AtUri uri, Cid cid, DataValue value) {}

    private final RepoAccess access;
    private final RepoService repos;

    public ListRecords(AccountService accounts, RepoService repos) {
        this.access = new RepoAccess(accounts);
        this.repos = repos;
    }

    @Override public Output handle(Params p, Caller caller) {
        Did did = access.hosted(p.repo()).filter(Account::active).map(Account::did)
                .orElseThrow(() -> XrpcException.invalidRequest("Could not find repo: " + p.repo()));
        List<ListedRecord> records = repos.listRecords(did, p.collection(), p.limit().orElse(DEFAULT_LIMIT), p.cursor(), p.reverse())
                .stream()
                .map(r -> new ListedRecord(AtUri.of(did, r.collection(), r.rkey()), r.cid(), r.value()))
                .toList();
        Optional<String> cursor = records.isEmpty() ? Optional.empty() : records.getLast().uri().rkey().map(k -> k.value());
        return new Output(cursor, records);
    }
}
