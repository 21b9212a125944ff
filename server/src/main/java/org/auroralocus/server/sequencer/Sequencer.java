package org.auroralocus.server.sequencer;

/** Where services hand their events, after their own change has committed. */
@FunctionalInterface
public interface Sequencer {
    /** Appends the event and returns its {@code seq}. */
    long append(RepoEvent event);
}
