package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An XRPC procedure (HTTP POST, https://atproto.com/specs/lexicon#query-and-procedure-http-api). */
public record LexProcedure(Optional<LexParams> parameters, Optional<LexBody> input, Optional<LexBody> output,
                           List<LexError> errors) implements LexDef {

    public LexProcedure {
        Objects.requireNonNull(parameters);
        Objects.requireNonNull(input);
        Objects.requireNonNull(output);
        errors = List.copyOf(errors);
    }
}
