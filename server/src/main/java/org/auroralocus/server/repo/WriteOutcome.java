package org.auroralocus.server.repo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a batch of writes: the commit it made, absent when no write changed anything (a
 * put of the value already there, a delete of a record already gone), and each write's result.
 */
public record WriteOutcome(Optional<CommitMeta> commit, List<WriteResult> results) {
    public WriteOutcome {
        Objects.requireNonNull(commit, "commit");
        results = List.copyOf(results);
    }
}
