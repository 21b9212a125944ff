/**
 * The sequencer: every change a relay must hear about ({@code #commit}, {@code #sync},
 * {@code #identity}, {@code #account}) is appended to {@code sequencer.sqlite} with the next
 * {@code seq}, after the change itself has committed to its own store. Appends run one at a time on
 * the log's single writer (those waiting together share a commit), so {@code seq} is gapless and in
 * append order, and each committed event is then
 * handed to a {@link org.auroralocus.server.sequencer.SequencedListener} (the live firehose) in that
 * order. Events are kept for the backfill window ({@link org.auroralocus.server.sequencer.EventRetention}).
 * The WebSocket side, which turns events into frames, is {@code org.auroralocus.server.firehose}.
 */
package org.auroralocus.server.sequencer;
