package org.auroralocus.server.inspect;

import java.util.concurrent.CopyOnWriteArraySet;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.auroralocus.server.sequencer.SequencedListener;

/**
 * The sequenced events for in-process listeners (the desktop application's firehose view). The
 * sequencer calls it under its lock, so a listener must only hand the event on (to a queue) and
 * return; a failing listener is removed rather than allowed to fail the next append.
 */
public final class EventFeed implements SequencedListener {
    private static final System.Logger LOG = System.getLogger(EventFeed.class.getName());
    private final CopyOnWriteArraySet<SequencedListener> listeners = new CopyOnWriteArraySet<>();

    @Override public void sequenced(SequencedEvent event) {
        for (SequencedListener l : listeners) {
            try {
                l.sequenced(event);
            } catch (RuntimeException e) {
                listeners.remove(l);
                LOG.log(System.Logger.Level.WARNING, "removed a failing event listener at seq=" + event.seq(), e);
            }
        }
    }

    /** Registers a listener; closing the returned handle unregisters it. */
    public AutoCloseable listen(SequencedListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many listeners are registered. */
    public int listeners() {
        return listeners.size();
    }
}
