package org.auroralocus.atproto.identity.plc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.auroralocus.atproto.syntax.Did;

/**
 * {@link PlcClient} over HTTP with {@link HttpClient}. The base URL is the directory's root
 * ({@code https://plc.directory}, or {@code http://localhost:2583/plc} for the embedded one).
 * Thread-safe; share one per directory.
 */
public final class HttpPlcClient implements PlcClient {
    private static final System.Logger LOG = System.getLogger(HttpPlcClient.class.getName());
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Far above any real audit log; a directory sending more is not one. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final String baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;

    public HttpPlcClient(URI baseUrl, HttpClient http, Duration requestTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A client with its own {@link HttpClient} and the default timeouts. */
    public static HttpPlcClient create(URI baseUrl) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new HttpPlcClient(baseUrl, http, DEFAULT_REQUEST_TIMEOUT);
    }

    @Override
    public void submit(Did did, SignedPlcOp op) {
        HttpRequest request = request(did, "")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(op.toJson().toString()))
                .build();
        send(request);
    }

    @Override
    public ObjectNode document(Did did) {
        return get(did, "", json -> PlcJson.object(json, "DID document"));
    }

    @Override
    public PlcData data(Did did) {
        return get(did, "/data", PlcData::fromJson);
    }

    @Override
    public List<SignedPlcOp> log(Did did) {
        return get(did, "/log", json -> list(json, SignedPlcOp::fromJson));
    }

    @Override
    public List<PlcAuditEntry> auditLog(Did did) {
        return get(did, "/log/audit", json -> list(json, PlcAuditEntry::fromJson));
    }

    @Override
    public SignedPlcOp lastOp(Did did) {
        return get(did, "/log/last", SignedPlcOp::fromJson);
    }

    @Override
    public String toString() {
        return "HttpPlcClient[" + baseUrl + "]";
    }

    private <T> T get(Did did, String suffix, Function<JsonNode, T> reader) {
        HttpRequest request = request(did, suffix).header("Accept", "application/json").GET().build();
        byte[] body = send(request);
        try {
            return reader.apply(PlcOpJson.MAPPER.readTree(body));
        } catch (IOException | InvalidPlcOperationException e) {
            throw new PlcUnavailableException("PLC directory sent a malformed answer to GET " + request.uri() + ": " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(Did did, String suffix) {
        // a directory holds did:plc only; the identifier's characters ([a-z2-7:]) need no escaping
        if (!did.isPlc()) throw new IllegalArgumentException("a PLC directory has no " + did);
        return HttpRequest.newBuilder(URI.create(baseUrl + "/" + did + suffix)).timeout(requestTimeout);
    }

    private byte[] send(HttpRequest request) {
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
        } catch (IOException e) {
            throw new PlcUnavailableException("PLC directory unreachable for " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlcUnavailableException("interrupted during " + request.method() + " " + request.uri(), e);
        }
        int status = response.statusCode();
        LOG.log(System.Logger.Level.DEBUG, "PLC {0} {1} -> {2}", request.method(), request.uri(), status);
        if (body.length > MAX_BODY_BYTES) {
            throw new PlcUnavailableException(status, "PLC directory answer to " + request.uri() + " exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (status >= 200 && status < 300) return body;
        String message = message(body).orElse("PLC directory answered " + status + " to " + request.method() + " " + request.uri());
        if (status == 404) throw new PlcNotFoundException(message);
        if (status >= 400 && status < 500) throw new PlcRejectedException(status, message);
        throw new PlcUnavailableException(status, message);
    }

    /** The {@code message} of a {@code {"message": ...}} error body. */
    private static Optional<String> message(byte[] body) {
        try {
            JsonNode json = PlcOpJson.MAPPER.readTree(body);
            return json != null && json.path("message").isTextual()
                    ? Optional.of(json.get("message").textValue())
                    : Optional.empty();
        } catch (IOException e) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
    }

    private static <T> List<T> list(JsonNode json, Function<JsonNode, T> reader) {
        if (json == null || !json.isArray()) throw new InvalidPlcOperationException("expected a JSON array");
        List<T> items = new ArrayList<>();
        json.forEach(item -> items.add(reader.apply(item)));
        return List.copyOf(items);
    }
}
