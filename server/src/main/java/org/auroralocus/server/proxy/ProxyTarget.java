package org.auroralocus.server.proxy;

import java.net.URI;
import org.auroralocus.atproto.syntax.Did;

/**
 * Where one proxied call goes: the service's base URL, its DID (the {@code aud} of the service JWT,
 * bare, without the fragment, as the official PDS sends it) and the service id that picked the entry
 * of its DID document ({@code bsky_appview}, {@code bsky_chat}, {@code atproto_labeler}).
 */
public record ProxyTarget(URI url, Did did, String serviceId) {
    public ProxyTarget {
        if (url.getScheme() == null || url.getHost() == null) throw new IllegalArgumentException("not an absolute URL: " + url);
        if (serviceId.isEmpty()) throw new IllegalArgumentException("a proxy target needs a service id");
    }

    /** The URL of an XRPC path (with its query) on this service; a base path in the configured URL is ignored, as the official does. */
    URI resolve(String rawPathAndQuery) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return URI.create(url.getScheme() + "://" + url.getHost() + port + rawPathAndQuery);
    }
}
