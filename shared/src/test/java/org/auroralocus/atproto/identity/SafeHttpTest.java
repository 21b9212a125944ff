package org.auroralocus.atproto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafeHttpTest {
    private static final SafeHttp.Limits LIMITS = new SafeHttp.Limits(Duration.ofSeconds(5), 1024, 3, "text/plain");

    private final LocalServer server = LocalServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Protection on, but loopback 127.0.0.1 counts as reachable and http is allowed, so redirects can be tested. */
    private static SafeHttp onlyFirstLoopback() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return new SafeHttp(client, address -> address.getHostAddress().equals("127.0.0.1"), false, HostLookup.SYSTEM);
    }

    @Test
    void getsBodyStatusAndContentType() throws IOException {
        server.text("/hello", 200, "text/plain; charset=utf-8", "hi there");

        try (SafeHttp http = SafeHttp.create(false)) {
            SafeHttp.Response response = http.get(server.uri("/hello"), LIMITS);

            assertEquals(200, response.status());
            assertEquals("hi there", response.text());
            assertEquals(Optional.of("text/plain; charset=utf-8"), response.contentType());
        }
    }

    @Test
    void returnsErrorStatusesToTheCaller() throws IOException {
        try (SafeHttp http = SafeHttp.create(false)) {
            SafeHttp.Response response = http.get(server.uri("/missing"), LIMITS);

            assertEquals(404, response.status());
            assertEquals(false, response.isSuccess());
        }
    }

    @Test
    void followsRedirectsAndReportsWhereTheBodyCameFrom() throws IOException {
        server.redirect("/a", 302, "/b").redirect("/b", 301, server.uri("/c").toString()).text("/c", 200, "text/plain", "end");

        try (SafeHttp http = SafeHttp.create(false)) {
            SafeHttp.Response response = http.get(server.uri("/a"), LIMITS);

            assertEquals("end", response.text());
            assertEquals(server.uri("/c"), response.uri());
            assertEquals(List.of("/a", "/b", "/c"), server.requestedPaths());
        }
    }

    @Test
    void failsBeyondTheRedirectLimit() {
        server.redirect("/loop", 302, "/loop");

        try (SafeHttp http = SafeHttp.create(false)) {
            IOException e = assertThrows(IOException.class, () -> http.get(server.uri("/loop"), LIMITS));

            assertTrue(e.getMessage().contains("redirect"), e.getMessage());
            assertEquals(LIMITS.maxRedirects() + 1, server.requestedPaths().size());
        }
    }

    @Test
    void protectionRefusesLoopbackBeforeConnecting() {
        try (SafeHttp http = SafeHttp.create(true)) {
            URI loopback = URI.create("https://localhost:" + server.port() + "/");

            ForbiddenTargetException e = assertThrows(ForbiddenTargetException.class, () -> http.get(loopback, LIMITS));

            assertTrue(e.getMessage().contains("loopback"), e.getMessage());
            assertEquals(List.of(), server.requestedPaths());
        }
    }

    @Test
    void protectionRefusesPlainHttp() {
        try (SafeHttp http = SafeHttp.create(true)) {
            assertThrows(ForbiddenTargetException.class, () -> http.get(server.uri("/"), LIMITS));
            assertEquals(List.of(), server.requestedPaths());
        }
    }

    @Test
    void refusesRedirectToForbiddenAddress() {
        // 127.0.0.2 is loopback too, but this policy lets only 127.0.0.1 through
        server.redirect("/out", 302, "http://127.0.0.2:" + server.port() + "/inside");

        try (SafeHttp http = onlyFirstLoopback()) {
            ForbiddenTargetException e = assertThrows(ForbiddenTargetException.class, () -> http.get(server.uri("/out"), LIMITS));

            assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
            assertEquals(List.of("/out"), server.requestedPaths());
        }
    }

    @Test
    void refusesHostWhenAnyOfItsAddressesIsForbidden() {
        HostLookup mixed = host -> List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1"));

        try (SafeHttp http = new SafeHttp(HttpClient.newHttpClient(), AddressPolicy.PUBLIC_UNICAST, true, mixed)) {
            assertThrows(ForbiddenTargetException.class, () -> http.get(URI.create("https://rebind.example.com/"), LIMITS));
        }
    }

    @Test
    void refusesSchemesOtherThanHttp() {
        try (SafeHttp http = SafeHttp.create(false)) {
            assertThrows(ForbiddenTargetException.class, () -> http.get(URI.create("file:///etc/passwd"), LIMITS));
            assertThrows(ForbiddenTargetException.class, () -> http.get(URI.create("ftp://127.0.0.1/"), LIMITS));
        }
    }

    @Test
    void unknownHostIsAnIoFailure() {
        HostLookup nowhere = host -> {
            throw new UnknownHostException(host);
        };

        try (SafeHttp http = new SafeHttp(HttpClient.newHttpClient(), AddressPolicy.PUBLIC_UNICAST, true, nowhere)) {
            assertThrows(UnknownHostException.class, () -> http.get(URI.create("https://nowhere.example.com/"), LIMITS));
        }
    }

    @Test
    void refusesBodyDeclaredLargerThanTheLimit() {
        server.text("/big", 200, "text/plain", "x".repeat(2000));

        try (SafeHttp http = SafeHttp.create(false)) {
            assertThrows(ResponseTooLargeException.class, () -> http.get(server.uri("/big"), LIMITS));
        }
    }

    @Test
    void refusesChunkedBodyThatGrowsPastTheLimit() {
        server.handle("/stream", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) out.write(new byte[256]);
            } catch (IOException e) {
                // the client hangs up once the limit is passed
            }
        });

        try (SafeHttp http = SafeHttp.create(false)) {
            assertThrows(ResponseTooLargeException.class, () -> http.get(server.uri("/stream"), LIMITS));
        }
    }

    @Test
    void acceptsBodyExactlyAtTheLimit() throws IOException {
        server.text("/exact", 200, "text/plain", "y".repeat(1024));

        try (SafeHttp http = SafeHttp.create(false)) {
            assertArrayEquals("y".repeat(1024).getBytes(), http.get(server.uri("/exact"), LIMITS).body());
        }
    }

    @Test
    void timesOutOnServerThatNeverAnswers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        try (SafeHttp http = SafeHttp.create(false)) {
            SafeHttp.Limits quick = new SafeHttp.Limits(Duration.ofMillis(300), 1024, 0, "text/plain");
            assertThrows(HttpTimeoutException.class, () -> http.get(server.uri("/slow"), quick));
        } finally {
            release.countDown();
        }
    }

    @Test
    void sendsTheAcceptHeader() throws IOException {
        server.handle("/accept", exchange ->
                LocalServer.respond(exchange, 200, "text/plain", exchange.getRequestHeaders().getFirst("Accept")));

        try (SafeHttp http = SafeHttp.create(false)) {
            assertEquals("text/plain", http.get(server.uri("/accept"), LIMITS).text());
        }
    }
}
