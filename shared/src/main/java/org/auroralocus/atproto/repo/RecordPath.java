package org.auroralocus.atproto.repo;

import java.util.Objects;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.atproto.syntax.RecordKey;
import org.auroralocus.atproto.syntax.SyntaxException;

/**
 * Where a record lives in a repository: {@code <collection>/<rkey>}, which is also its MST key
 * (https://atproto.com/specs/repository#repo-data-structure-v3).
 */
public record RecordPath(Nsid collection, RecordKey rkey) implements Comparable<RecordPath> {
    public RecordPath {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(rkey, "rkey");
    }

    public static RecordPath of(String collection, String rkey) {
        return new RecordPath(Nsid.parse(collection), RecordKey.parse(rkey));
    }

    /** Parses an MST key; exactly two segments, each valid, else a {@link SyntaxException}. */
    public static RecordPath parse(String key) {
        int slash = key.indexOf('/');
        if (slash < 0 || key.indexOf('/', slash + 1) >= 0) {
            throw new SyntaxException("invalid repo path \"" + key + "\": must be <collection>/<rkey>");
        }
        return of(key.substring(0, slash), key.substring(slash + 1));
    }

    /** The MST key. */
    @Override public String toString() {
        return collection.value() + "/" + rkey.value();
    }

    /** MST order: by the key's bytes, which for these ASCII paths is string order. */
    @Override public int compareTo(RecordPath other) {
        return toString().compareTo(other.toString());
    }
}
