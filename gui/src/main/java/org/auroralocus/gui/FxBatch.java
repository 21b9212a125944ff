package org.auroralocus.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Carries items from busy threads (the sequencer, loggers) to the FX thread in batches: however many
 * arrive, at most one hand-over is queued on the FX thread at a time, so hundreds of events a second
 * cost a few UI updates, not hundreds. When the FX thread falls {@code capacity} items behind, the
 * oldest are dropped: the screens show the latest, and memory stays bounded.
 */
public final class FxBatch<T> {
    private final Executor fxThread;
    private final Consumer<List<T>> onBatch;
    private final int capacity;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param fxThread {@code Platform::runLater} in the application; tests may run inline */
    public FxBatch(Executor fxThread, int capacity, Consumer<List<T>> onBatch) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.fxThread = fxThread;
        this.capacity = capacity;
        this.onBatch = onBatch;
    }

    /** Queues an item; never waits. */
    public void offer(T item) {
        queue.add(item);
        if (size.incrementAndGet() > capacity && queue.poll() != null) size.decrementAndGet();
        if (scheduled.compareAndSet(false, true)) fxThread.execute(this::deliver);
    }

    private void deliver() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            size.decrementAndGet();
            batch.add(item);
        }
        if (!batch.isEmpty()) onBatch.accept(batch);
    }
}
