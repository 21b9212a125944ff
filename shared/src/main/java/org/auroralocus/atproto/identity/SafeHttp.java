package org.auroralocus.atproto.identity;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET requests to URLs that come from user data (handles, did:web hosts, DID document service endpoints),
 * protected against server-side request forgery (https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/).
 *
 * <p>With protection on, before each hop the host is resolved and every address it resolves to must pass the
 * {@link AddressPolicy} (public unicast only), and only {@code https} is allowed. Redirects are followed here,
 * not by the HTTP client, so that each target is checked the same way. Every request has an overall deadline
 * and a body size limit. Protection is off in development ({@code PDS_DEV_MODE}, or
 * {@code PDS_DISABLE_SSRF_PROTECTION}), where handles and DIDs point at localhost over plain HTTP.
 *
 * <p>Residual risk: {@link HttpClient} resolves the host itself when it connects. The check and the connection
 * share the JVM's address cache (see {@link HostLookup#SYSTEM}), but an operator who sets
 * {@code networkaddress.cache.ttl=0} reopens the DNS-rebinding window between the two.
 */
public final class SafeHttp implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Executor LOOKUPS = task -> Thread.ofVirtual().name("safe-http-lookup").start(task);
    private static final byte[] NO_BODY = new byte[0];

    private final HttpClient client;
    private final AddressPolicy policy;
    private final boolean httpsOnly;
    private final HostLookup hosts;

    SafeHttp(HttpClient client, AddressPolicy policy, boolean httpsOnly, HostLookup hosts) {
        this.client = client;
        this.policy = policy;
        this.httpsOnly = httpsOnly;
        this.hosts = hosts;
    }

    /**
     * The production instance: with {@code ssrfProtection}, https to public addresses only; without, anything
     * (development). Close it when the server stops.
     */
    public static SafeHttp create(boolean ssrfProtection) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        return new SafeHttp(client, ssrfProtection ? AddressPolicy.PUBLIC_UNICAST : AddressPolicy.ANY,
                ssrfProtection, HostLookup.SYSTEM);
    }

    /**
     * How one GET may behave: the whole exchange (lookups, redirects, body) within {@code timeout}, at most
     * {@code maxBytes} of body, at most {@code maxRedirects} hops, and the {@code Accept} header to send.
     */
    public record Limits(Duration timeout, long maxBytes, int maxRedirects, String accept) {
        public Limits {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
            if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
            if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative");
            if (accept.isBlank()) throw new IllegalArgumentException("accept must not be blank");
        }
    }

    /** A complete response of the last hop; {@code uri} is where it came from after redirects. */
    public record Response(URI uri, int status, Optional<String> contentType, byte[] body) {
        public Response {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * GETs the URL, following up to {@code limits.maxRedirects()} redirects; any status is returned, except a
     * redirect beyond the limit, which fails.
     *
     * @throws ForbiddenTargetException when a hop's scheme or address is refused, before connecting to it
     * @throws ResponseTooLargeException when the body exceeds the limit
     * @throws HttpTimeoutException when the deadline passes
     * @throws IOException for unknown hosts, connection failures and malformed redirects
     */
    public Response get(URI uri, Limits limits) throws IOException {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            checkTarget(current, deadline);
            HttpRequest request = HttpRequest.newBuilder(current)
                    .GET()
                    .timeout(remaining(deadline, current))
                    .header("Accept", limits.accept())
                    .build();
            URI from = current;
            HttpResponse<byte[]> response = await(client.sendAsync(request, info -> isRedirect(info.statusCode(), info.headers())
                    ? HttpResponse.BodySubscribers.replacing(NO_BODY)
                    : new LimitedBody(info, limits.maxBytes(), from)), deadline, current);
            if (!isRedirect(response.statusCode(), response.headers())) {
                return new Response(current, response.statusCode(),
                        response.headers().firstValue("Content-Type"), response.body());
            }
            if (hop == limits.maxRedirects()) {
                throw new IOException("not following the redirect from " + current + ": more than "
                        + limits.maxRedirects() + " redirect(s)");
            }
            current = redirectTarget(current, response.headers().firstValue("Location").orElseThrow());
        }
    }

    /**
     * Checks a URL the way {@link #get} does before each hop, for callers that send the request themselves
     * (the proxy). Resolves the host within {@code timeout}.
     */
    public void checkTarget(URI uri, Duration timeout) throws IOException {
        checkTarget(uri, System.nanoTime() + timeout.toNanos());
    }

    private void checkTarget(URI uri, long deadline) throws IOException {
        String scheme = uri.getScheme();
        boolean allowed = "https".equals(scheme) || (!httpsOnly && "http".equals(scheme));
        if (!allowed) {
            throw new ForbiddenTargetException("refusing " + uri + ": only " + (httpsOnly ? "https" : "http(s)")
                    + " URLs may be fetched");
        }
        if (uri.getHost() == null) throw new ForbiddenTargetException("refusing " + uri + ": no host");
        if (policy == AddressPolicy.ANY) return;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        List<InetAddress> addresses = await(CompletableFuture.supplyAsync(() -> lookup(host), LOOKUPS), deadline, uri);
        for (InetAddress address : addresses) {
            if (!policy.permits(address)) {
                String range = SpecialAddresses.rangeOf(address).map(name -> " (" + name + ")").orElse("");
                throw new ForbiddenTargetException("refusing " + uri + ": " + host + " resolves to "
                        + address.getHostAddress() + range + ", which outbound requests may not reach");
            }
        }
    }

    private List<InetAddress> lookup(String host) {
        try {
            return hosts.addresses(host);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static boolean isRedirect(int status, HttpHeaders headers) {
        return REDIRECTS.contains(status) && headers.firstValue("Location").isPresent();
    }

    private static URI redirectTarget(URI from, String location) throws IOException {
        try {
            return from.resolve(new URI(location));
        } catch (URISyntaxException e) {
            throw new IOException("malformed redirect from " + from + ": " + e.getMessage(), e);
        }
    }

    private static Duration remaining(long deadline, URI uri) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new HttpTimeoutException("timed out fetching " + uri);
        return Duration.ofNanos(left);
    }

    /** Waits for the future until the deadline; on timeout or interrupt, cancels it (aborting the exchange). */
    private static <T> T await(Future<T> future, long deadline, URI uri) throws IOException {
        try {
            return future.get(remaining(deadline, uri).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("timed out fetching " + uri);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted fetching " + uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof IOException io) throw io;
            throw new IOException("fetching " + uri + " failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
