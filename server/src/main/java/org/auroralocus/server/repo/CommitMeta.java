package org.auroralocus.server.repo;

import java.util.Objects;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.syntax.Tid;

/** A commit a write made ({@code com.atproto.repo.defs#commitMeta}). */
public record CommitMeta(Cid cid, Tid rev) {
    public CommitMeta {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(rev, "rev");
    }
}
