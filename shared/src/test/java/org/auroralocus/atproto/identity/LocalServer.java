package org.auroralocus.atproto.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP server on loopback, port chosen by the OS, for resolution tests that need no internet. */
final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

    private LocalServer(HttpServer server) {
        this.server = server;
    }

    static LocalServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // a thread per exchange, so a handler that blocks (timeout tests) does not block the others
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            LocalServer local = new LocalServer(server);
            server.createContext("/", exchange -> {
                local.requestedPaths.add(exchange.getRequestURI().getRawPath());
                try (exchange) {
                    respond(exchange, 404, "text/plain", "not found");
                }
            });
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code path} (and, as HttpServer contexts go, everything below it) with this handler. */
    LocalServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requestedPaths.add(exchange.getRequestURI().getRawPath());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    LocalServer text(String path, int status, String contentType, String body) {
        return handle(path, exchange -> respond(exchange, status, contentType, body));
    }

    LocalServer redirect(String path, int status, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The raw paths requested so far, in order. */
    List<String> requestedPaths() {
        return List.copyOf(requestedPaths);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
