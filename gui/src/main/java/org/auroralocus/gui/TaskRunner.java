package org.auroralocus.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (anything touching the server: disk, SQLite, the network) off the FX application
 * thread and hands the result, or the failure, back on it. View-models take one by constructor; the
 * application uses {@link FxTaskRunner}, view-model tests one that runs inline.
 */
public interface TaskRunner {
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Work with no result worth showing. */
    default void run(Checked work, Runnable onSuccess, Consumer<? super Throwable> onFailure) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, done -> onSuccess.run(), onFailure);
    }

    @FunctionalInterface
    interface Checked {
        void run() throws Exception;
    }
}
