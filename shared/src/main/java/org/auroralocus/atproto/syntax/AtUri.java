package org.auroralocus.atproto.syntax;

import java.util.Objects;
import java.util.Optional;

/**
 * An AT URI in the restricted form lexicons use (https://atproto.com/specs/at-uri-scheme):
 * {@code at://AUTHORITY[/COLLECTION[/RKEY]]}, with a handle or DID authority, an NSID collection and a record
 * key. No query, fragment, trailing slash or extra path segment: the general AT URI syntax allows them, but no
 * lexicon does, and the interop vectors reject them. {@link #toString()} gives back the parsed string.
 */
public record AtUri(AtIdentifier authority, Optional<Nsid> collection, Optional<RecordKey> rkey) {
    static final int MAX_LENGTH = 8 * 1024;
    private static final String PREFIX = "at://";

    public AtUri {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(rkey, "rkey");
        if (rkey.isPresent() && collection.isEmpty()) {
            throw new SyntaxException("an AT URI with a record key needs a collection: " + authority + "/?/" + rkey.get());
        }
    }

    /** The URI of one record; a DID authority, as the spec recommends for references that must stay valid. */
    public static AtUri of(Did repo, Nsid collection, RecordKey rkey) {
        return new AtUri(repo, Optional.of(collection), Optional.of(rkey));
    }

    public static AtUri parse(String raw) {
        SyntaxException.check("AT URI", raw, shapeProblem(raw));
        String[] segments = segments(raw);
        try {
            return new AtUri(
                    AtIdentifier.parse(segments[0]),
                    segments.length > 1 ? Optional.of(Nsid.parse(segments[1])) : Optional.empty(),
                    segments.length > 2 ? Optional.of(RecordKey.parse(segments[2])) : Optional.empty());
        } catch (SyntaxException e) {
            throw new SyntaxException("invalid AT URI " + SyntaxException.quote(raw) + ": " + e.getMessage(), e);
        }
    }

    public static boolean isValid(String raw) {
        if (shapeProblem(raw).isPresent()) return false;
        String[] segments = segments(raw);
        return AtIdentifier.isValid(segments[0])
                && (segments.length < 2 || Nsid.isValid(segments[1]))
                && (segments.length < 3 || RecordKey.isValid(segments[2]));
    }

    @Override
    public String toString() {
        StringBuilder uri = new StringBuilder(PREFIX).append(authority.value());
        collection.ifPresent(c -> uri.append('/').append(c.value()));
        rkey.ifPresent(k -> uri.append('/').append(k.value()));
        return uri.toString();
    }

    /** Authority, then collection and record key when present; only after {@link #shapeProblem} found none. */
    private static String[] segments(String s) {
        return s.substring(PREFIX.length()).split("/", -1);
    }

    /** The scheme and the path structure; the segments themselves are checked by their own types. */
    private static Optional<String> shapeProblem(String s) {
        if (s == null) return Optional.of("missing");
        int n = s.length();
        if (n > MAX_LENGTH) return Optional.of("longer than " + MAX_LENGTH + " characters");
        if (!s.startsWith(PREFIX)) return Optional.of("must start with \"at://\"");
        int segments = 1;
        int segmentStart = PREFIX.length();
        for (int i = segmentStart; i < n; i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '#') return Optional.of("query and fragment parts are not used in atproto");
            if (c == '/') {
                if (i == segmentStart) return Optional.of("empty path segment (doubled or trailing slash)");
                segments++;
                segmentStart = i + 1;
            }
        }
        if (segmentStart == n) return Optional.of("empty authority or trailing slash");
        if (segments > 3) return Optional.of("the path can only be /collection/rkey");
        return Optional.empty();
    }
}
