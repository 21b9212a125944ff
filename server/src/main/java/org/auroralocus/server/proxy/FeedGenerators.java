package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * app.bsky.feed.getFeed as the official PDS serves it: the feed generator's record is looked up on the
 * AppView, and the call goes on to the AppView with a token for the generator's service DID and the
 * method {@code getFeedSkeleton}, which the AppView presents to the generator.
 */
final class FeedGenerators {
    static final Nsid GET_FEED = Nsid.parse("app.bsky.feed.getFeed");
    static final Nsid GET_FEED_SKELETON = Nsid.parse("app.bsky.feed.getFeedSkeleton");
    private static final int MAX_RECORD_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whom the service JWT is for, when it is not the proxy target. */
    record Audience(Did did, Nsid lxm) {}

    private final ProxyRouting routing;
    private final UpstreamClient upstream;

    FeedGenerators(ProxyRouting routing, UpstreamClient upstream) {
        this.routing = routing;
        this.upstream = upstream;
    }

    /** For getFeed with an AppView configured, the feed generator's DID; empty for any other call. */
    Optional<Audience> audienceFor(Nsid nsid, String rawQuery) {
        if (!nsid.equals(GET_FEED)) return Optional.empty();
        Optional<ProxyTarget> appView = routing.appView();
        if (appView.isEmpty()) return Optional.empty();
        AtUri feed = feedParam(rawQuery);
        if (feed.collection().isEmpty() || feed.rkey().isEmpty()) {
            throw XrpcException.invalidRequest("Invalid app.bsky.feed.getFeed params: feed must be a record URI");
        }
        String path = "/xrpc/com.atproto.repo.getRecord?repo=" + encode(feed.authority().toString())
                + "&collection=" + encode(feed.collection().get().value()) + "&rkey=" + encode(feed.rkey().get().value());
        HttpResponse<InputStream> answer = upstream.send(appView.get().resolve(path), "GET",
                Map.of("accept", "application/json"), HttpRequest.BodyPublishers.noBody());
        if (answer.statusCode() >= 400) throw UpstreamErrors.from(answer);
        JsonNode did;
        try (InputStream in = answer.body()) {
            did = JSON.readTree(in.readNBytes(MAX_RECORD_BYTES)).path("value").path("did");
        } catch (IOException e) {
            throw UpstreamClient.unreachable();
        }
        if (!did.isTextual() || !Did.isValid(did.asText())) {
            throw XrpcException.invalidRequest("UnknownFeed", "could not resolve feed did");
        }
        return Optional.of(new Audience(Did.parse(did.asText()), GET_FEED_SKELETON));
    }

    private static AtUri feedParam(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("feed")) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (AtUri.isValid(value)) return AtUri.parse(value);
                throw XrpcException.invalidRequest("Invalid app.bsky.feed.getFeed params: feed must be a valid at-uri");
            }
        }
        throw XrpcException.invalidRequest("Invalid app.bsky.feed.getFeed params: Missing required key \"feed\"");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
