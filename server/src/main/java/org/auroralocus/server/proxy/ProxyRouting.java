package org.auroralocus.server.proxy;

import java.net.URI;
import java.util.Optional;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.atproto.identity.DidService;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.config.PdsConfig;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * Picks the service a method is proxied to, as the official PDS's {@code parseProxyInfo}: the
 * {@code atproto-proxy} header ({@code <did>#<service id>}) when given, resolved through the DID
 * document (the configured AppView's own reference uses the configured URL); otherwise createReport
 * goes to the report service, the moderation tools to a moderation service (none can be configured
 * here) and everything else to the AppView.
 */
public final class ProxyRouting {
    public static final String HEADER = "atproto-proxy";
    static final String APPVIEW_SERVICE = "bsky_appview";
    static final String LABELER_SERVICE = "atproto_labeler";
    private static final String CREATE_REPORT = "com.atproto.moderation.createReport";
    private static final String OZONE_PREFIX = "tools.ozone.";

    private final Optional<PdsConfig.Upstream> appView;
    private final Optional<PdsConfig.Upstream> reportService;
    private final DidResolver dids;

    public ProxyRouting(PdsConfig.Upstreams upstreams, DidResolver dids) {
        this.appView = upstreams.appView();
        this.reportService = upstreams.reportService();
        this.dids = dids;
    }

    /**
     * The service for {@code nsid}; empty when no header names one and none is configured for the
     * method (the caller then answers "No service configured").
     *
     * @throws XrpcException 400 InvalidRequest for a malformed header or a DID that names no usable service
     */
    public Optional<ProxyTarget> target(Nsid nsid, Optional<String> header) {
        if (header.isPresent()) return Optional.of(fromHeader(header.get()));
        String method = nsid.value();
        if (method.equals(CREATE_REPORT)) return reportService.map(u -> configured(u, LABELER_SERVICE));
        if (method.startsWith(OZONE_PREFIX)) return Optional.empty();
        return appView.map(u -> configured(u, APPVIEW_SERVICE));
    }

    /** The configured AppView, for the calls the PDS makes to it itself (feed generator lookup). */
    public Optional<ProxyTarget> appView() {
        return appView.map(u -> configured(u, APPVIEW_SERVICE));
    }

    /**
     * The endpoint of service {@code serviceId} in {@code did}'s document.
     *
     * @throws XrpcException 400 InvalidRequest when the DID does not resolve or has no such service
     */
    public URI serviceEndpoint(Did did, String serviceId, String unresolvable, String noService) {
        DidDocument doc;
        try {
            doc = dids.resolve(did).orElseThrow(() -> XrpcException.invalidRequest(unresolvable));
        } catch (IdentityException e) {
            throw XrpcException.invalidRequest(unresolvable);
        }
        String fragment = "#" + serviceId;
        // the first entry with the id counts, whatever its type, as in the official getServiceEndpoint
        return doc.services().stream()
                .filter(s -> s.id().equals(fragment) || s.id().equals(did.value() + fragment))
                .findFirst()
                .flatMap(DidService::endpointUrl)
                .orElseThrow(() -> XrpcException.invalidRequest(noService));
    }

    private ProxyTarget fromHeader(String header) {
        int hash = header.indexOf('#');
        if (hash == 0) throw XrpcException.invalidRequest("no did specified in proxy header");
        if (hash < 0 || hash == header.length() - 1) throw XrpcException.invalidRequest("no service id specified in proxy header");
        if (header.indexOf('#', hash + 1) >= 0) throw XrpcException.invalidRequest("invalid proxy header format");
        if (header.contains(" ")) throw XrpcException.invalidRequest("proxy header cannot contain spaces");
        String rawDid = header.substring(0, hash);
        String serviceId = header.substring(hash + 1);
        if (appView.isPresent() && header.equals(appView.get().did() + "#" + APPVIEW_SERVICE)) {
            return configured(appView.get(), serviceId);
        }
        if (!Did.isValid(rawDid)) throw XrpcException.invalidRequest("could not resolve proxy did");
        Did did = Did.parse(rawDid);
        URI url = serviceEndpoint(did, serviceId, "could not resolve proxy did", "could not resolve proxy did service url");
        return new ProxyTarget(url, did, serviceId);
    }

    private static ProxyTarget configured(PdsConfig.Upstream upstream, String serviceId) {
        return new ProxyTarget(upstream.url(), Did.parse(upstream.did()), serviceId);
    }
}
