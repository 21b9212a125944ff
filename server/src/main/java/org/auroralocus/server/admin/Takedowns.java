package org.auroralocus.server.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.account.db.TakedownTable;
import org.auroralocus.server.actor.ActorNotFoundException;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.sequencer.RepoEvent;
import org.auroralocus.server.sequencer.Sequencer;

/**
 * Takedowns of accounts, records and blobs, as the official PDS keeps them: a reference in the
 * account row, or in the record's or blob's row of the actor store, which every read path checks.
 * An account's takedown or its reversal is announced on the firehose with an {@code #account}
 * event; records and blobs are not (they stay in the repository, only unserved). A log of current
 * takedowns in account.sqlite lets them be listed without opening every actor store.
 */
final class Takedowns {
    private static final System.Logger LOG = System.getLogger(Takedowns.class.getName());

    private final AccountService accounts;
    private final ActorStores actors;
    private final Sequencer sequencer;
    private final Database accountDb;
    private final Clock clock;

    Takedowns(AccountService accounts, ActorStores actors, Sequencer sequencer, Database accountDb, Clock clock) {
        this.accounts = accounts;
        this.actors = actors;
        this.sequencer = sequencer;
        this.accountDb = accountDb;
        this.clock = clock;
    }

    /** Takes the subject down under {@code ref}, or lifts its takedown when {@code ref} is empty. */
    void apply(Subject subject, Optional<String> ref) {
        switch (subject) {
            case Subject.Account a -> account(a.did(), ref);
            case Subject.Record r -> record(r, ref);
            case Subject.Blob b -> blob(b, ref);
        }
        log(subject, ref);
        LOG.log(System.Logger.Level.INFO, "{0} {1}", ref.isPresent() ? "taken down" : "takedown reversed", subject);
    }

    /**
     * The account's refresh tokens go with its takedown (so no session outlives it), and relays learn
     * of both changes from an {@code #account} event, as in the official PDS.
     */
    private void account(Did did, Optional<String> ref) {
        Account account;
        try {
            account = accounts.updateTakedown(did, ref);
        } catch (AccountException e) {
            throw new AdminException(AdminException.Problem.NOT_FOUND, "No account " + did + " here");
        }
        sequencer.append(new RepoEvent.AccountEvent(did, account.active(), account.status().wireName()));
    }

    /** Only the record's row changes: the official PDS ignores the CID, and so does this. */
    private void record(Subject.Record record, Optional<String> ref) {
        boolean found = inStore(record.did(), () -> actors.transact(record.did(), w -> w.setRecordTakedown(record.uri(), ref)));
        if (!found) throw new AdminException(AdminException.Problem.NOT_FOUND, "No record " + record.uri() + " here");
    }

    private void blob(Subject.Blob blob, Optional<String> ref) {
        boolean found = inStore(blob.did(), () -> actors.transact(blob.did(), w -> w.blobs().setTakedown(blob.cid(), ref)));
        if (!found) throw new AdminException(AdminException.Problem.NOT_FOUND, "No blob " + blob.cid() + " of " + blob.did() + " here");
    }

    /** The subject's state; empty when there is no such account, record or blob. */
    Optional<SubjectStatus> status(Subject subject) {
        return switch (subject) {
            case Subject.Account a -> accounts.findByDid(a.did()).map(account ->
                    new SubjectStatus(a, account.takedownRef(), account.deactivatedAt().isPresent()));
            case Subject.Record r -> recordStatus(r.uri());
            case Subject.Blob b -> ifStore(() -> actors.read(b.did(), rd -> rd.blob(b.cid())))
                    .map(row -> new SubjectStatus(b, row.takedownRef(), false));
        };
    }

    /** A record's state by its AT URI alone, with its current CID. */
    Optional<SubjectStatus> recordStatus(AtUri uri) {
        if (!(uri.authority() instanceof Did did) || uri.rkey().isEmpty()) return Optional.empty();
        return ifStore(() -> actors.read(did, r -> r.recordModeration(uri)))
                .map(m -> new SubjectStatus(new Subject.Record(uri, m.cid()), m.takedownRef(), false));
    }

    /** Every current takedown, newest first. */
    List<TakenDownSubject> all() {
        return accountDb.read(TakedownTable::all).stream()
                .map(row -> new TakenDownSubject(subjectOf(row), row.ref(), row.createdAt()))
                .toList();
    }

    /** Forgets the account's takedowns (it is being deleted). */
    void forget(Did did) {
        accountDb.write(s -> {
            TakedownTable.removeAll(s, did);
            return null;
        });
    }

    private void log(Subject subject, Optional<String> ref) {
        String key = key(subject);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        accountDb.write(s -> {
            if (ref.isEmpty()) {
                TakedownTable.remove(s, key);
            } else {
                TakedownTable.put(s, switch (subject) {
                    case Subject.Account a -> new TakedownTable.Row(key, "account", a.did(), Optional.empty(), Optional.empty(), ref.get(), now);
                    case Subject.Record r -> new TakedownTable.Row(key, "record", r.did(), Optional.of(r.uri().toString()),
                            Optional.of(r.cid().toString()), ref.get(), now);
                    case Subject.Blob b -> new TakedownTable.Row(key, "blob", b.did(), Optional.empty(),
                            Optional.of(b.cid().toString()), ref.get(), now);
                });
            }
            return null;
        });
    }

    private static String key(Subject subject) {
        return switch (subject) {
            case Subject.Account a -> a.did().toString();
            case Subject.Record r -> r.uri().toString();
            case Subject.Blob b -> b.did() + " " + b.cid();
        };
    }

    private static Subject subjectOf(TakedownTable.Row row) {
        return switch (row.kind()) {
            case "record" -> new Subject.Record(AtUri.parse(row.uri().orElseThrow()), Cid.parse(row.cid().orElseThrow()));
            case "blob" -> new Subject.Blob(row.did(), Cid.parse(row.cid().orElseThrow()));
            default -> new Subject.Account(row.did());
        };
    }

    /** A read of an actor store; empty when the account has none. */
    private static <T> Optional<T> ifStore(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (ActorNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Runs a call on the account's actor store; an account without one has no such record or blob. */
    private static <T> T inStore(Did did, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ActorNotFoundException e) {
            throw new AdminException(AdminException.Problem.NOT_FOUND, "No repository of " + did + " here");
        }
    }
}
