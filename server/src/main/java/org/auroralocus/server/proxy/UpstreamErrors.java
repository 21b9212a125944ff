package org.auroralocus.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * An upstream error answer as the official PDS hands it on: the upstream's status (a 500 becomes 502,
 * the PDS's own failures stay 500s) with the upstream's error name and message when its body is a JSON
 * error, else the standard name and text of the status.
 */
final class UpstreamErrors {
    /** Error bodies are small; more than this is not an XRPC error body and is not read. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String[]> TYPES = Map.ofEntries(
            Map.entry(400, new String[] {"InvalidRequest", "Invalid Request"}),
            Map.entry(401, new String[] {"AuthenticationRequired", "Authentication Required"}),
            Map.entry(403, new String[] {"Forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"XRPCNotSupported", "XRPC Not Supported"}),
            Map.entry(406, new String[] {"NotAcceptable", "Not Acceptable"}),
            Map.entry(413, new String[] {"PayloadTooLarge", "Payload Too Large"}),
            Map.entry(415, new String[] {"UnsupportedMediaType", "Unsupported Media Type"}),
            Map.entry(429, new String[] {"RateLimitExceeded", "Rate Limit Exceeded"}),
            Map.entry(501, new String[] {"MethodNotImplemented", "Method Not Implemented"}),
            Map.entry(502, new String[] {"UpstreamFailure", "Upstream Failure"}),
            Map.entry(503, new String[] {"NotEnoughResources", "Not Enough Resources"}),
            Map.entry(504, new String[] {"UpstreamTimeout", "Upstream Timeout"}));

    private UpstreamErrors() {}

    /** The error to answer for an upstream status of 400 or more; reads (and closes) the answer's body. */
    static XrpcException from(HttpResponse<InputStream> answer) {
        int status = answer.statusCode() == 500 ? 502 : answer.statusCode();
        Optional<JsonNode> body = errorBody(answer);
        String[] type = TYPES.getOrDefault(status, TYPES.get(status < 500 ? 400 : 502));
        String error = body.map(b -> b.path("error")).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(type[0]);
        String message = body.map(b -> b.path("message")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(m -> !m.isEmpty()).orElse(type[1]);
        return new XrpcException(status, error, message);
    }

    private static Optional<JsonNode> errorBody(HttpResponse<InputStream> answer) {
        Optional<String> type = answer.headers().firstValue("content-type");
        // like the official: a declared non-JSON type is not parsed, an undeclared one is tried
        boolean json = ProxyHeaders.mayBeJson(type);
        try (InputStream in = answer.body()) {
            if (!json) return Optional.empty();
            boolean gzip = answer.headers().firstValue("content-encoding").filter("gzip"::equalsIgnoreCase).isPresent();
            byte[] raw = in.readNBytes(MAX_ERROR_BODY);
            byte[] bytes = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readNBytes(MAX_ERROR_BODY) : raw;
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            // unreadable or not JSON: the status's own name serves
            return Optional.empty();
        }
    }
}
