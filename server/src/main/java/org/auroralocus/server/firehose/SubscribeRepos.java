package org.auroralocus.server.firehose;

import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.auroralocus.server.config.PdsConfig;
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
    /**
     * Helidon closes a connection that has read nothing for its idle timeout (five minutes), and a
     * relay only listens; a ping every so often is answered with a pong, which counts as reading.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private final Feed feed;
    private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param settings the buffer per subscriber ({@code PDS_MAX_SUBSCRIPTION_BUFFER}) and how far back
     *                 a cursor may replay ({@code PDS_REPO_BACKFILL_LIMIT_MS})
     * @param timer    runs the hard close of cut-off subscribers that stopped reading
     */
    public SubscribeRepos(SqliteSequencer log, LiveFirehose live, PdsConfig.Firehose settings, Clock clock,
                          ScheduledExecutorService timer) {
        this(new Feed(log, live, settings.maxSubscriptionBuffer(), settings.repoBackfillLimit(), clock, timer,
                CUT_OFF_GRACE, KEEP_ALIVE));
    }

    /** With other timings (tests). */
    SubscribeRepos(Feed feed) {
        this.feed = feed;
    }

    /** A listener for one new connection. */
    public WsListener listener() {
        return new FirehoseConnection(this);
    }

    /** How many connections are open, replaying or live. */
    public int connections() {
        return open.size();
    }

    Subscriber open(WsSession session, Optional<Long> cursor) {
        Subscriber s = new Subscriber(feed, ids.incrementAndGet(), session, cursor, open::remove);
        open.add(s);
        s.start();
        return s;
    }

    /** Ends every subscription: the server is stopping. */
    @Override public void close() {
        open.forEach(Subscriber::stop);
    }
}
