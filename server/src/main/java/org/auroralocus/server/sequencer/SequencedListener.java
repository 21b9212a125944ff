package org.auroralocus.server.sequencer;

/**
 * Told of each event right after it is committed to the log, in {@code seq} order, on the log's
 * single writer thread: an implementation must return at once (hand the event on, never wait), or
 * it slows every write of the server.
 */
@FunctionalInterface
public interface SequencedListener {
    void sequenced(SequencedEvent event);
}
