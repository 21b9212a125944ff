package org.auroralocus.server.firehose;

import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Tid;
import org.auroralocus.server.account.Account;
import org.auroralocus.server.account.AccountService;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.RepoRootTable;
import org.auroralocus.server.repo.RepoService;
import org.auroralocus.server.sequencer.SqliteSequencer;

/**
 * Run before the server accepts requests: a write commits to its actor store and then appends its
 * event to the sequencer, two SQLite files with no transaction across them, so a crash between the
 * two leaves a repository whose rev is ahead of its last sequenced event. Each such repository gets
 * a {@code #sync} of its current commit, from which relays resynchronise (DESIGN.md).
 */
public final class StartupRepair {
    private static final System.Logger LOG = System.getLogger(StartupRepair.class.getName());
    private static final int PAGE = 500;

    private final AccountService accounts;
    private final ActorStores actors;
    private final RepoService repos;
    private final SqliteSequencer log;

    public StartupRepair(AccountService accounts, ActorStores actors, RepoService repos, SqliteSequencer log) {
        this.accounts = accounts;
        this.actors = actors;
        this.repos = repos;
        this.log = log;
    }

    /** Checks every hosted repository; returns how many needed a {@code #sync}. */
    public int run() {
        int repaired = 0;
        int checked = 0;
        Optional<Did> after = Optional.empty();
        List<Account> page;
        do {
            page = accounts.list(after, PAGE);
            for (Account account : page) {
                checked++;
                if (repair(account.did())) repaired++;
            }
            if (!page.isEmpty()) after = Optional.of(page.getLast().did());
        } while (page.size() == PAGE);
        if (repaired > 0) LOG.log(System.Logger.Level.WARNING, "start-up repair: {0} of {1} repositories were ahead of the firehose; sent a #sync for each", repaired, checked);
        return repaired;
    }

    private boolean repair(Did did) {
        if (!actors.exists(did)) return false;
        Optional<Tid> stored = actors.read(did, r -> r.root().map(RepoRootTable.RepoRoot::rev));
        if (stored.isEmpty()) return false;
        Optional<Tid> sequenced = log.lastRev(did);
        if (sequenced.isPresent() && sequenced.get().compareTo(stored.get()) >= 0) return false;
        long seq = log.append(repos.syncEvent(did));
        LOG.log(System.Logger.Level.INFO, "repository of {0} was at rev {1}, its last event at {2}: #sync seq={3}",
                did, stored.get(), sequenced.map(Tid::toString).orElse("none"), seq);
        return true;
    }
}
