package org.auroralocus.server.repo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.auroralocus.atproto.syntax.Did;

/**
 * One lock per repository, held from a write's transaction until its event is sequenced. The
 * actor store's single writer already orders the transactions; this also keeps their events in
 * that order (an event for rev 2 before the one for rev 1 would break every relay's chain of
 * {@code since}/{@code prevData}). Different repositories never wait for each other. Callers are
 * virtual threads: a {@link ReentrantLock} parks them without pinning a carrier.
 */
final class RepoLocks {
    private final Map<Did, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T withLock(Did did, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(did, d -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a repository that is gone. */
    void forget(Did did) {
        locks.remove(did);
    }
}
