package org.auroralocus.server.firehose;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.auroralocus.server.sequencer.SqliteSequencer;

/**
 * What every subscription of the endpoint shares.
 *
 * @param log           the event log, for replays
 * @param live          the live fan-out
 * @param bufferSize    how many live events a subscriber may fall behind before it is cut off
 * @param backfillLimit how far back a cursor may replay
 * @param timer         runs the hard close of cut-off subscribers that stopped reading
 * @param cutOffGrace   how long a cut-off subscriber that stopped reading keeps its connection
 * @param keepAlive     how long a subscription may be quiet before the server pings the client
 */
record Feed(SqliteSequencer log, LiveFirehose live, int bufferSize, Duration backfillLimit, Clock clock,
            ScheduledExecutorService timer, Duration cutOffGrace, Duration keepAlive) {}
