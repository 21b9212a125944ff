package org.auroralocus.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The view-model tests' {@link TaskRunner}: the work and its callback run at once, on the caller's thread (no FX toolkit). */
public final class InlineTasks implements TaskRunner {
    @Override public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
