package org.auroralocus.server.firehose;

import io.helidon.websocket.WsListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.auroralocus.server.sequencer.SqliteSequencer;

/**
 * com.atproto.sync.subscribeRepos, the firehose: a WebSocket endpoint (route it with
 * {@code WsRouting.builder().endpoint(SubscribeRepos.PATH, subscribeRepos::listener)}) that replays
 * the log from a cursor and then streams live events. A plain GET of the path is not upgraded and
 * gets the XRPC layer's 400 InvalidRequest, as the official PDS answers.
 */
public final class SubscribeRepos implements AutoCloseable {
    public static final String PATH = "/xrpc/com.atproto.sync.subscribeRepos";
    /** How long a cut-off subscriber that stopped reading may keep its connection before it is closed hard. */
    static final Duration CUT_OFF_GRACE = Duration.ofSeconds(10);

    private final SqliteSequencer log;
    private final LiveFirehose live;
    private final int bufferSize;
    private final Duration backfillLimit;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param bufferSize    how many live events a subscriber may fall behind before it is cut off
     * @param backfillLimit how far back a cursor may replay
     * @param timer         runs the hard close of cut-off subscribers that stopped reading
     */
    public SubscribeRepos(SqliteSequencer log, LiveFirehose live, int bufferSize, Duration backfillLimit, Clock clock,
                          ScheduledExecutorService timer) {
        this.log = log;
        this.live = live;
        this.bufferSize = bufferSize;
        this.backfillLimit = backfillLimit;
        this.clock = clock;
        this.timer = timer;
    }

    /** A listener for one new connection. */
    public WsListener listener() {
        return new FirehoseConnection(this);
    }

    /** How many connections are open, replaying or live. */
    public int connections() {
        return open.size();
    }

    Subscriber open(io.helidon.websocket.WsSession session, Optional<Long> cursor) {
        Subscriber s = new Subscriber(this, ids.incrementAndGet(), session, cursor);
        open.add(s);
        s.start();
        return s;
    }

    void closed(Subscriber s) {
        open.remove(s);
    }

    SqliteSequencer log() {
        return log;
    }

    LiveFirehose live() {
        return live;
    }

    int bufferSize() {
        return bufferSize;
    }

    Duration backfillLimit() {
        return backfillLimit;
    }

    Clock clock() {
        return clock;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Duration cutOffGrace() {
        return CUT_OFF_GRACE;
    }

    /** Ends every subscription: the server is stopping. */
    @Override public void close() {
        open.forEach(Subscriber::stop);
    }
}
