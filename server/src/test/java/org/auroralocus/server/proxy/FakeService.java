package org.auroralocus.server.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small real service on loopback standing in for an AppView, a report or chat service: it serves its
 * own did:web document ({@code did:web:localhost%3A<port>}) with the given service entries, records
 * every XRPC request it gets and answers with the current {@link #answer} function. It listens from
 * construction; as a static {@code @RegisterExtension} field it is closed after its test class.
 */
final class FakeService implements AutoCloseable, AfterAllCallback {
    /** A request as it arrived. Header names are lower case. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name)).map(v -> String.join(",", v));
        }
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(int status, String json, String... headers) {
            Map<String, String> h = new java.util.LinkedHashMap<>();
            h.put("Content-Type", "application/json; charset=utf-8");
            for (int i = 0; i < headers.length; i += 2) h.put(headers[i], headers[i + 1]);
            return new Answer(status, h, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile Function<Request, Answer> answer = r -> Answer.json(200, "{}");
    private volatile String didDocServices = "[]";

    FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/did.json", ex -> send(ex, Answer.json(200,
                "{\"@context\":[\"https://www.w3.org/ns/did/v1\"],\"id\":\"" + did() + "\",\"service\":" + didDocServices + "}")));
        server.createContext("/xrpc/", this::xrpc);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://localhost:" + port();
    }

    String did() {
        return "did:web:localhost%3A" + port();
    }

    /** The PDS_* settings that make a PDS use this service as its AppView. */
    Map<String, String> asAppView() {
        return Map.of("PDS_BSKY_APP_VIEW_URL", url(), "PDS_BSKY_APP_VIEW_DID", did());
    }

    /** Sets the service entries of the DID document: pairs of id (without '#') and endpoint URL. */
    void services(String type, String... idsAndUrls) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < idsAndUrls.length; i += 2) {
            if (i > 0) json.append(',');
            json.append("{\"id\":\"#").append(idsAndUrls[i]).append("\",\"type\":\"").append(type)
                    .append("\",\"serviceEndpoint\":\"").append(idsAndUrls[i + 1]).append("\"}");
        }
        didDocServices = json.append(']').toString();
    }

    /** Forgets the requests received so far (each test reads only its own). */
    void forget() {
        requests.clear();
    }

    void answer(Function<Request, Answer> answer) {
        this.answer = answer;
    }

    /** The next request received, waiting a little for it. */
    Request next() throws InterruptedException {
        Request r = requests.poll(5, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("the service got no request");
        return r;
    }

    boolean nothingReceived(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    private void xrpc(HttpExchange ex) throws IOException {
        Map<String, List<String>> headers = ex.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue));
        Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""), headers, ex.getRequestBody().readAllBytes());
        requests.add(r);
        send(ex, answer.apply(r));
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(a.body());
        }
    }

    @Override public void close() {
        server.stop(0);
    }

    @Override public void afterAll(ExtensionContext context) {
        close();
    }
}
