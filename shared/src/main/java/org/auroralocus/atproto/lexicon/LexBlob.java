package org.auroralocus.atproto.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reference to uploaded binary content (https://atproto.com/specs/lexicon#blob). {@code accept}
 * lists MIME types, where {@code image/*} matches any image and {@code *}{@code /*} anything;
 * {@code maxSize} is in bytes.
 */
public record LexBlob(Optional<List<String>> accept, OptionalLong maxSize) implements LexDef, LexField {

    public LexBlob {
        accept = accept.map(List::copyOf);
        Objects.requireNonNull(maxSize);
    }

    public static LexBlob plain() {
        return new LexBlob(Optional.empty(), OptionalLong.empty());
    }

    public LexBlob accept(String... mimeTypes) {
        return new LexBlob(Optional.of(List.of(mimeTypes)), maxSize);
    }

    public LexBlob maxSize(long bytes) {
        return new LexBlob(accept, OptionalLong.of(bytes));
    }

    /** Whether a blob of this MIME type is allowed. */
    public boolean accepts(String mimeType) {
        if (accept.isEmpty()) return true;
        for (String pattern : accept.get()) {
            if (pattern.equals("*/*") || pattern.equals(mimeType)) return true;
            if (pattern.endsWith("/*") && mimeType.startsWith(pattern.substring(0, pattern.length() - 1))) return true;
        }
        return false;
    }
}
