package org.auroralocus.server.inspect;

import java.time.Instant;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.sequencer.SequencedEvent;

/**
 * One sequenced event, described for people: the account's handle and a one-line summary of what
 * happened ({@code create app.bsky.feed.post/3k…}). The indented JSON is made on demand
 * ({@link Inspection#json(FirehoseEntry)}): a busy stream would otherwise format every event for
 * nobody to read.
 */
public record FirehoseEntry(SequencedEvent event, Optional<Handle> handle, String ops) {
    public long seq() {
        return event.seq();
    }

    public Instant time() {
        return event.time();
    }

    public String type() {
        return event.type();
    }

    public Did did() {
        return event.did();
    }
}
