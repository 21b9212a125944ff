package org.auroralocus.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;

/**
 * The application's {@link TaskRunner}: each piece of work is a {@link Task} on a small pool of
 * daemon threads (two: the machine this runs on may have no more cores, and the server needs them
 * too); its callbacks run on the FX thread, as {@code Task} promises. {@link #running()} drives the
 * busy indicator.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FxTaskRunner.class.getName());
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "gui-task-" + next.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();

    @Override public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        // a timer of a screen may still fire while the application shuts down: its work is simply not done
        if (pool.isShutdown()) return;
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception {
                return work.call();
            }
        };
        running.set(running.get() + 1);
        task.setOnSucceeded(e -> {
            running.set(running.get() - 1);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.set(running.get() - 1);
            LOG.log(System.Logger.Level.DEBUG, "background work failed", task.getException());
            onFailure.accept(task.getException());
        });
        pool.execute(task);
    }

    /** How many tasks are queued or running (on the FX thread). */
    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    @Override public void close() {
        pool.shutdownNow();
    }
}
