package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event stream over WebSocket (https://atproto.com/specs/lexicon#subscriptions-event-stream):
 * its parameters and the union of message types.
 */
public record LexSubscription(Optional<LexParams> parameters, LexUnion message, List<LexError> errors) implements LexDef {

    public LexSubscription {
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(message);
        errors = List.copyOf(errors);
    }
}
