package org.auroralocus.server.bench;

import java.util.Arrays;

/** Request latencies of one run, for throughput and percentiles. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long n) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = n;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) add(other.nanos[i]);
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile in milliseconds (p from 0 to 100). */
    synchronized double percentileMillis(double p) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
