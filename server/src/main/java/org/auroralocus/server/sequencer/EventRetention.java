package org.auroralocus.server.sequencer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the log to {@code PDS_REPO_BACKFILL_LIMIT_MS}: events older than that are removed, so a
 * relay can replay at most that far back (an older cursor gets {@code OutdatedCursor}).
 */
public final class EventRetention {
    private static final System.Logger LOG = System.getLogger(EventRetention.class.getName());
    private static final Duration MOST_OFTEN = Duration.ofSeconds(1);
    private static final Duration LEAST_OFTEN = Duration.ofMinutes(1);

    private final SqliteSequencer sequencer;
    private final Duration limit;
    private final Clock clock;

    public EventRetention(SqliteSequencer sequencer, Duration limit, Clock clock) {
        this.sequencer = sequencer;
        this.limit = limit;
        this.clock = clock;
    }

    /** Removes the events older than the limit now; returns how many. */
    public int prune() {
        int removed = sequencer.pruneBefore(clock.instant().minus(limit));
        if (removed > 0) LOG.log(System.Logger.Level.DEBUG, "removed {0} events older than {1}", removed, limit);
        return removed;
    }

    /** Prunes every tenth of the limit (between a second and a minute) on {@code scheduler}. */
    public void schedule(ScheduledExecutorService scheduler) {
        Duration every = limit.dividedBy(10);
        if (every.compareTo(MOST_OFTEN) < 0) every = MOST_OFTEN;
        if (every.compareTo(LEAST_OFTEN) > 0) every = LEAST_OFTEN;
        scheduler.scheduleWithFixedDelay(this::pruneOnSchedule, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed prune is retried at the next tick; letting it throw would cancel the schedule. */
    private void pruneOnSchedule() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pruning the event log failed; retrying later", e);
        }
    }
}
