package org.auroralocus.server.firehose;

import java.util.concurrent.CopyOnWriteArraySet;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.auroralocus.server.sequencer.SequencedListener;

/**
 * The live fan-out: each event the sequencer commits is encoded once into a frame, and that one
 * frame is offered to every live subscriber's bounded queue. Offering never waits: a subscriber
 * whose queue is full is cut off ({@code ConsumerTooSlow}), so one slow reader never slows the
 * writer or the other readers, and memory stays bounded.
 */
public final class LiveFirehose implements SequencedListener {
    private final CopyOnWriteArraySet<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    @Override public void sequenced(SequencedEvent event) {
        // an event committed before a subscriber registers is found by that subscriber's read of the log
        if (subscribers.isEmpty()) return;
        Frame frame = FirehoseFrames.message(event);
        for (Subscriber s : subscribers) s.offer(frame);
    }

    /** How many subscribers are receiving live events now (for the dashboard and tests). */
    public int subscribers() {
        return subscribers.size();
    }

    void register(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }
}
