package org.auroralocus.server.firehose;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.auroralocus.server.sequencer.SequencedEvent;

/**
 * One subscribeRepos connection, with its own sender (a virtual thread). With a cursor it first
 * replays the log from the cursor, page by page, then registers for live frames and reads the log
 * once more: an event committed before the registration is in that read, one committed after it
 * reaches the queue, and frames at or below the last seq sent are skipped, so the hand-over has
 * no gap and no duplicate. Live frames wait in a bounded queue; when it is full the subscriber is
 * cut off with {@code ConsumerTooSlow}.
 */
final class Subscriber {
    private static final System.Logger LOG = System.getLogger(Subscriber.class.getName());
    /** Rows per read of the log while replaying, as the official PDS pages its backfill. */
    private static final int PAGE = 500;
    /** Put in the queue, alone, when the subscriber is cut off: the sender then ends the stream. */
    private static final Frame CUT_OFF = new Frame(Long.MIN_VALUE, new byte[0]);

    private final Feed feed;
    private final Consumer<Subscriber> onEnd;
    private final WsSession session;
    private final Optional<Long> cursor;
    private final BlockingQueue<Frame> queue;
    private final long id;
    private volatile boolean cutOff;
    private volatile Thread sender;
    /** Only the sender thread reads and writes it. */
    private long lastSent;

    /** {@code onEnd} is told when the stream has ended, whatever ended it. */
    Subscriber(Feed feed, long id, WsSession session, Optional<Long> cursor, Consumer<Subscriber> onEnd) {
        this.feed = feed;
        this.onEnd = onEnd;
        this.id = id;
        this.session = session;
        this.cursor = cursor;
        this.queue = new ArrayBlockingQueue<>(feed.bufferSize());
    }

    void start() {
        sender = Thread.ofVirtual().name("firehose-subscriber-" + id).start(this::run);
    }

    /**
     * A live frame, from the sequencer's thread (one at a time, in seq order). Never waits: if the
     * queue is full the frames still queued are dropped and the sender told to end the stream.
     */
    void offer(Frame frame) {
        if (cutOff || queue.offer(frame)) return;
        cutOff = true;
        feed.live().remove(this);
        queue.clear();
        queue.offer(CUT_OFF);
        LOG.log(System.Logger.Level.INFO, "subscriber {0} fell {1} events behind; cutting it off", id, feed.bufferSize());
        // a client that stopped reading leaves the sender blocked in a write; past the grace period
        // interrupting it closes the socket (a virtual thread's blocking socket I/O ends on interrupt)
        feed.timer().schedule(this::stop, feed.cutOffGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the subscription: the client closed the connection, or the server is stopping. */
    void stop() {
        feed.live().remove(this);
        Thread t = sender;
        if (t != null) t.interrupt();
    }

    private void run() {
        try {
            if (cursor.isPresent()) {
                if (!replay(cursor.get())) return;
            } else {
                feed.live().register(this);
            }
            List<Frame> batch = new ArrayList<>();
            while (true) {
                Frame first = queue.poll(feed.keepAlive().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    session.ping(BufferData.empty());
                    continue;
                }
                // whatever else is queued goes out in the same wake-up: one park and unpark per burst, not per frame
                batch.add(first);
                queue.drainTo(batch);
                for (Frame frame : batch) {
                    if (frame == CUT_OFF) {
                        end("ConsumerTooSlow", "Stream consumer too slow");
                        return;
                    }
                    if (frame.seq() > lastSent) send(frame);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // stopped: the connection is closing
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "subscriber " + id + " ended", e);
        } finally {
            feed.live().remove(this);
            onEnd.accept(this);
        }
    }

    /** Sends the stored events after {@code cursor}, then joins the live feed; false if the stream ended instead. */
    private boolean replay(long requested) {
        long head = feed.log().head();
        if (requested > head) {
            end("FutureCursor", "Cursor in the future.");
            return false;
        }
        lastSent = requested;
        Instant cutoff = feed.clock().instant().minus(feed.backfillLimit());
        boolean outdated = requested < feed.log().prunedThrough();
        Optional<SequencedEvent> next = feed.log().events(requested, 1).stream().findFirst();
        if (next.isPresent() && next.get().time().isBefore(cutoff)) {
            // older than the window but not yet pruned: start where the window starts, as the official PDS does
            outdated = true;
            lastSent = feed.log().firstSeqAtOrAfter(cutoff).map(seq -> seq - 1).orElse(head);
        }
        if (outdated) sendBytes(FirehoseFrames.info("OutdatedCursor", "Requested cursor exceeded limit. Possibly missing events"));
        sendStored();
        feed.live().register(this);
        sendStored();
        return true;
    }

    private void sendStored() {
        List<SequencedEvent> page;
        do {
            page = feed.log().events(lastSent, PAGE);
            for (SequencedEvent e : page) send(FirehoseFrames.message(e));
        } while (page.size() == PAGE);
    }

    private void send(Frame frame) {
        sendBytes(frame.bytes());
        lastSent = frame.seq();
    }

    private void sendBytes(byte[] bytes) {
        session.send(BufferData.create(bytes), true);
    }

    /** An error frame, then close with 1008 (policy violation) and the error name, as the official PDS does. */
    private void end(String error, String message) {
        sendBytes(FirehoseFrames.error(error, message));
        session.close(WsCloseCodes.VIOLATED_POLICY, error);
    }
}
