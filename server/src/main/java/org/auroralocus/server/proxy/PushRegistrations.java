package org.auroralocus.server.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.identity.DidDocument;
import org.auroralocus.atproto.identity.DidResolver;
import org.auroralocus.atproto.identity.DidService;
import org.auroralocus.atproto.identity.IdentityException;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * app.bsky.notification.registerPush and unregisterPush as the official PDS relays them. They predate
 * the proxy header: the notification service is named in the body ({@code serviceDid}). The call goes
 * with a service JWT for that DID and the method; to the configured AppView's URL when the DID is the
 * AppView's, else to the {@code #bsky_notif} entry (type {@code BskyNotificationService}) of the DID's
 * document.
 */
public final class PushRegistrations {
    private static final System.Logger LOG = System.getLogger(PushRegistrations.class.getName());
    private static final String NOTIF_ID = "#bsky_notif";
    private static final String NOTIF_TYPE = "BskyNotificationService";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<ProxyTarget> appView;
    private final DidResolver dids;
    private final UpstreamClient upstream;
    private final ServiceTokens tokens;

    PushRegistrations(ProxyRouting routing, DidResolver dids, UpstreamClient upstream, ServiceTokens tokens) {
        this.appView = routing.appView();
        this.dids = dids;
        this.upstream = upstream;
        this.tokens = tokens;
    }

    /**
     * Sends {@code body} (the client's input as the lexicon describes it) to {@code service} on behalf
     * of {@code account}.
     *
     * @throws XrpcException 400 InvalidRequest when the service's DID document names no notification
     *                       service; the upstream's error (as {@link UpstreamErrors}) when it refuses
     */
    public void forward(Did account, Nsid method, Did service, Map<String, Object> body) {
        String token = tokens.mint(account, service.value(), method);
        URI base = appView.filter(a -> a.did().equals(service)).map(ProxyTarget::url)
                .orElseGet(() -> notificationEndpoint(service));
        ProxyTarget target = new ProxyTarget(base, service, NOTIF_ID.substring(1));
        HttpResponse<InputStream> answer = upstream.send(target.resolve("/xrpc/" + method.value()), "POST",
                Map.of("content-type", "application/json", "accept", "application/json", "authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.ofByteArray(json(body)));
        if (answer.statusCode() >= 400) throw UpstreamErrors.from(answer);
        // the lexicons define no output: whatever came back is not the client's business
        try (InputStream in = answer.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "push registration answer cut short: {0}", e.toString());
        }
    }

    private URI notificationEndpoint(Did service) {
        DidDocument doc;
        try {
            doc = dids.resolve(service).orElseThrow(() -> unresolvable(service));
        } catch (IdentityException e) {
            if (e.reason() == IdentityException.Reason.BAD_DOCUMENT) {
                throw XrpcException.invalidRequest("invalid did document: " + service);
            }
            throw unresolvable(service);
        }
        // the first entry with the id decides, and it must have the type (the official getNotifEndpoint)
        return doc.services().stream()
                .filter(s -> s.id().equals(NOTIF_ID) || s.id().equals(service.value() + NOTIF_ID))
                .findFirst()
                .filter(s -> s.type().equals(NOTIF_TYPE))
                .flatMap(DidService::endpointUrl)
                .orElseThrow(() -> XrpcException.invalidRequest(
                        "invalid notification service details in did document: " + service));
    }

    private static XrpcException unresolvable(Did did) {
        return XrpcException.invalidRequest("could not resolve did document: " + did);
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and booleans always serialize", e);
        }
    }
}
