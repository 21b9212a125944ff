package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An XRPC query (HTTP GET, https://atproto.com/specs/lexicon#query-and-procedure-http-api). */
public record LexQuery(Optional<LexParams> parameters, Optional<LexBody> output, List<LexError> errors) implements LexDef {

    public LexQuery {
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(output);
        errors = List.copyOf(errors);
    }
}
