package org.auroralocus.server.sequencer;

/**
 * Where services hand their events, right after their own change has committed to its store (never
 * before: an event must not announce a change that a crash could still undo). A write that dies
 * between the two is repaired at the next start by a {@code #sync}.
 */
@FunctionalInterface
public interface Sequencer {
    /**
     * Appends the event with the next {@code seq}, durably, and hands it to the live firehose;
     * returns that {@code seq}. Never waits for subscribers.
     */
    long append(RepoEvent event);
}
