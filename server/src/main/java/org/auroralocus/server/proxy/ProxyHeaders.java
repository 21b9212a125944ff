package org.auroralocus.server.proxy;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which headers cross the proxy, as in the official PDS (REFERENCE-BEHAVIOUR.md, "Headers forwarded").
 * Upstream go the client's language and labeler choices and its {@code x-atproto-*} / {@code x-bsky-topics}
 * headers, and for a body its content headers; never its Authorization (replaced by the service JWT),
 * Cookie, User-Agent or forwarding headers. Back come the content headers, the repository revision the
 * answer reflects, the labelers applied and Retry-After.
 */
final class ProxyHeaders {
    private static final List<String> CLIENT_HEADERS = List.of("accept-language", "atproto-accept-labelers", "x-bsky-topics");
    private static final List<String> BODY_HEADERS = List.of("content-type", "content-encoding");
    static final List<String> CONTENT_HEADERS = List.of("content-type", "content-length", "content-encoding", "content-language");
    static final List<String> ANSWER_HEADERS = List.of("atproto-repo-rev", "atproto-content-labelers", "retry-after");
    static final String REPO_REV = "atproto-repo-rev";

    private ProxyHeaders() {}

    /** The headers for the upstream request, with the service JWT as its Authorization. */
    static Map<String, String> upstream(ServerRequest req, boolean withBody, String serviceJwt) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("accept-encoding", req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse("identity"));
        for (String name : CLIENT_HEADERS) {
            req.headers().first(HeaderNames.create(name)).ifPresent(v -> out.put(name, v));
        }
        for (Header h : req.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-atproto-")) out.put(name, String.join(",", h.allValues()));
        }
        if (withBody) {
            for (String name : BODY_HEADERS) {
                req.headers().first(HeaderNames.create(name)).ifPresent(v -> out.put(name, v));
            }
        }
        out.put("authorization", "Bearer " + serviceJwt);
        return out;
    }

    /** Whether a Content-Type is JSON ({@code application/json}, {@code application/x+json}); an absent one may be. */
    static boolean mayBeJson(java.util.Optional<String> contentType) {
        return contentType.map(t -> t.toLowerCase(Locale.ROOT).matches("application/([a-z0-9.-]+\\+)?json.*")).orElse(true);
    }

    /** Copies the named headers of an upstream answer to the client's response. */
    static void copy(HttpHeaders from, List<String> names, ServerResponse res) {
        for (String name : names) {
            List<String> values = from.allValues(name);
            if (!values.isEmpty()) res.header(name, String.join(",", values));
        }
    }
}
