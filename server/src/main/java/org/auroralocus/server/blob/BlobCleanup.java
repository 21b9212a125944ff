package org.auroralocus.server.blob;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.actor.ActorStores;
import org.auroralocus.server.actor.db.BlobTable.BlobRow;

/**
 * Deletes uploads that no record took up within {@link #MAX_AGE}: the lexicon promises that an
 * unreferenced blob goes after "a time window". (The official PDS has no such job; its pending
 * uploads stay for good.) It also finishes what a crash interrupted: an upload a committed record
 * references but that is still temporary is made permanent (the write path moves blobs after its
 * commit). Runs every {@link #PERIOD} on one platform thread of its own, visiting only the
 * accounts with something in the store's temporary area.
 */
public final class BlobCleanup implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BlobCleanup.class.getName());
    /** How long an upload waits for a record: ample for a client posting what it just uploaded. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration PERIOD = Duration.ofMinutes(10);
    private static final int BATCH = 500;

    private final ActorStores actors;
    private final BlobStore store;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private BlobCleanup(ActorStores actors, BlobStore store, Clock clock, ScheduledExecutorService timer) {
        this.actors = actors;
        this.store = store;
        this.clock = clock;
        this.timer = timer;
    }

    /** The cleanup, run every {@link #PERIOD} from now on until closed. */
    public static BlobCleanup start(ActorStores actors, BlobStore store, Clock clock) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("blob-cleanup").daemon().factory());
        BlobCleanup cleanup = new BlobCleanup(actors, store, clock, timer);
        timer.scheduleWithFixedDelay(cleanup::runScheduled, PERIOD.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
        return cleanup;
    }

    /**
     * One pass over every account with pending uploads; returns how many uploads were deleted. A
     * failing account is logged and skipped, so one broken store does not stop the others.
     */
    public int run() {
        Instant cutoff = clock.instant().minus(MAX_AGE);
        int deleted = 0;
        try {
            for (Did did : store.tempOwners()) deleted += cleanUp(did, cutoff);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not list pending uploads in " + store, e);
        }
        if (deleted > 0) LOG.log(System.Logger.Level.INFO, "deleted {0} uploads no record used", deleted);
        return deleted;
    }

    private int cleanUp(Did did, Instant cutoff) {
        if (!actors.exists(did)) {
            LOG.log(System.Logger.Level.DEBUG, "pending uploads of {0}, which has no repository here: left alone", did);
            return 0;
        }
        int deleted = 0;
        try {
            List<String> keys;
            do {
                keys = actors.transact(did, tx -> {
                    List<String> stale = new ArrayList<>();
                    for (BlobRow row : tx.blobs().staleUploads(cutoff, BATCH)) {
                        tx.blobs().delete(row.cid());
                        stale.add(row.tempKey().orElseThrow());
                    }
                    return stale;
                });
                // the rows are gone first: a crash in between leaves files no row points to, never the reverse
                for (String key : keys) store.deleteTemp(did, key);
                deleted += keys.size();
            } while (keys.size() == BATCH);
            promoteReferenced(did);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cleaning up the uploads of " + did + " failed", e);
        }
        return deleted;
    }

    /**
     * Makes referenced uploads permanent. The write path may be moving the same ones right now: the
     * move is idempotent and so is marking the row, so racing it is harmless.
     */
    private void promoteReferenced(Did did) throws IOException {
        List<BlobRow> referenced = actors.transact(did, tx -> tx.blobs().referencedUploads(BATCH));
        List<Cid> moved = new ArrayList<>();
        for (BlobRow row : referenced) {
            try {
                store.makePermanent(did, row.tempKey().orElseThrow(), row.cid());
                moved.add(row.cid());
            } catch (BlobNotFoundException e) {
                LOG.log(System.Logger.Level.WARNING, "a record of {0} references {1}, whose upload is lost", did, row.cid());
            }
        }
        if (moved.isEmpty()) return;
        actors.transact(did, tx -> {
            for (Cid cid : moved) tx.blobs().markPermanent(cid);
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "made {0} referenced uploads of {1} permanent after an interrupted write", moved.size(), did);
    }

    private void runScheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule for good
            LOG.log(System.Logger.Level.ERROR, "blob cleanup failed", e);
        }
    }

    @Override public void close() {
        timer.shutdownNow();
    }
}
