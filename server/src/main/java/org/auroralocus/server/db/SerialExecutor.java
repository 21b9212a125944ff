package org.auroralocus.server.db;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in order, on a shared pool: how one database gets a single writer
 * without a thread of its own (a server with thousands of actor stores cannot have a thread each).
 */
final class SerialExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor pool;
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override public synchronized void execute(Runnable task) {
        tasks.add(task);
        if (!running) {
            running = true;
            pool.execute(this::drainOne);
        }
    }

    private void drainOne() {
        Runnable next;
        synchronized (this) {
            next = tasks.poll();
            if (next == null) {
                running = false;
                return;
            }
        }
        try {
            next.run();
        } finally {
            scheduleNext();
        }
    }

    /**
     * One task per pool turn, so a busy database cannot starve the others. Nothing is scheduled when
     * nothing waits: the caller of the last task may already be shutting the pool down.
     */
    private void scheduleNext() {
        synchronized (this) {
            if (tasks.isEmpty()) {
                running = false;
                return;
            }
        }
        pool.execute(this::drainOne);
    }
}
