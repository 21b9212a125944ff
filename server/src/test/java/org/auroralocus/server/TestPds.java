package org.auroralocus.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.server.config.ConfigLoader;
import org.auroralocus.server.config.PdsConfig;

/**
 * A real server for black-box tests: started through the production entry point on a free
 * loopback port with its own data folder, spoken to over real HTTP.
 */
public final class TestPds implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PdsServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestPds(PdsServer server) {
        this.server = server;
    }

    /** A local-trial server (localhost, dev mode, embedded PLC) in {@code dataDir}, with extra PDS_* settings. */
    public static TestPds start(Path dataDir, Map<String, String> settings) {
        return start(dataDir, settings, Clock.systemUTC());
    }

    public static TestPds start(Path dataDir, Map<String, String> settings, Clock clock) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("PDS_DATA_DIRECTORY", dataDir.toString());
        env.putIfAbsent("PDS_PORT", "0");
        PdsConfig config = new ConfigLoader(env, "Linux", dataDir, RANDOM,
                () -> KeyPair.generate(Curve.K256, RANDOM).privateKeyHex()).load(Optional.empty());
        return new TestPds(PdsServer.start(config, clock));
    }

    public PdsServer server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    /** An XRPC query: {@code nsid} with name, value, name, value... as its URL-encoded parameters. */
    public Response query(String nsid, String... params) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return get("/xrpc/" + nsid + query);
    }

    /** Path to CID of every record listRecords serves for one collection, through pages of {@code pageSize}. */
    public Map<String, String> listedRecords(String repo, String collection, int pageSize) {
        Map<String, String> records = new TreeMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            List<String> params = new ArrayList<>(List.of("repo", repo, "collection", collection, "limit", Integer.toString(pageSize)));
            cursor.ifPresent(c -> params.addAll(List.of("cursor", c)));
            JsonNode page = query("com.atproto.repo.listRecords", params.toArray(String[]::new)).json();
            for (JsonNode record : page.get("records")) {
                String uri = record.get("uri").asText();
                records.put(uri.substring(uri.indexOf('/', "at://".length()) + 1), record.get("cid").asText());
            }
            cursor = page.get("records").isEmpty() ? Optional.empty() : Optional.of(page.get("cursor").asText());
        } while (cursor.isPresent());
        return records;
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() {
        server.close();
    }

    /** A response with its body, and its JSON when it has one. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The XRPC error name, for asserting names and not only statuses. */
        public String error() {
            return json().path("error").asText();
        }
    }
}
