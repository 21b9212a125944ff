/**
 * The firehose as relays see it: com.atproto.sync.subscribeRepos over WebSocket (replay from a
 * cursor, then live frames, each encoded once and fanned out through bounded per-subscriber
 * queues), the requests asking relays to crawl this server, and the start-up repair that keeps
 * the log in step with the repositories. The log itself is {@code org.auroralocus.server.sequencer}.
 */
package org.auroralocus.server.firehose;
