package org.auroralocus.server.firehose;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a condition the server reaches on its own threads, with a deadline rather than a fixed sleep. */
final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {}

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
