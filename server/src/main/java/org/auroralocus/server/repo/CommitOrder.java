package org.auroralocus.server.repo;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.auroralocus.atproto.syntax.Did;

/**
 * Keeps each repository's firehose events in the order of its commits, without making its next
 * transaction wait for them. A commit takes its turn inside its transaction, which the actor
 * store's single writer runs in commit order; after the commit, the caller waits for the turn
 * before it to be done, sequences its event, and hands on. An event for rev 2 before the one for
 * rev 1 would break every relay's chain of {@code since} and {@code prevData}. Repositories never
 * wait for each other.
 */
final class CommitOrder {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<Did, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    /** One commit's place in its repository's line. */
    static final class Turn {
        private final CompletableFuture<Void> previous;
        private final CompletableFuture<Void> mine;

        private Turn(CompletableFuture<Void> previous, CompletableFuture<Void> mine) {
            this.previous = previous;
            this.mine = mine;
        }

        /** Waits until every earlier commit of the repository has been sequenced (or given up). */
        void awaitPrevious() {
            previous.join();
        }

        /** This commit's event is sequenced: the next may go. */
        void done() {
            mine.complete(null);
        }

        /** The commit did not happen after all: the next goes once the previous is done. */
        void abandon() {
            previous.whenComplete((ok, failed) -> mine.complete(null));
        }
    }

    /** The next turn of the repository; call inside its write transaction, so turns follow commit order. */
    Turn take(Did did) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> previous = last.put(did, mine);
        return new Turn(previous == null ? DONE : previous, mine);
    }

    /** Forgets a repository that is gone. */
    void forget(Did did) {
        last.remove(did);
    }
}
