package org.auroralocus.atproto.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * One entry of a DID document's {@code service} array, as written. {@code serviceEndpoint} may be a map
 * or a list in DID Core; atproto only uses strings, so {@link #endpoint()} is empty for the other forms.
 */
public record DidService(String id, String type, Optional<String> endpoint) {
    public DidService {
        if (id == null || type == null || endpoint == null) {
            throw new NullPointerException("service fields must not be null (endpoint may be empty)");
        }
    }

    /**
     * The endpoint as an absolute http(s) URL with a host, or empty. Anything else (a relative path, a
     * {@code file:} URL, garbage) is not a place this server may send requests to, so it is not returned.
     */
    public Optional<URI> endpointUrl() {
        return endpoint.flatMap(DidService::httpUrl);
    }

    private static Optional<URI> httpUrl(String raw) {
        if (!raw.startsWith("https://") && !raw.startsWith("http://")) return Optional.empty();
        try {
            URI uri = new URI(raw);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
