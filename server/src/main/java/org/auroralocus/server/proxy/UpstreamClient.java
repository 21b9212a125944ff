package org.auroralocus.server.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.auroralocus.atproto.identity.SafeHttp;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * The one HTTP client of the proxy. Every target passes the SSRF check first (user-named services may
 * point anywhere; with protection on, only public addresses over https), and an answer whose headers do
 * not arrive within the timeout (10 s, as the official PDS's headers timeout) is given up. Failures to
 * get an answer at all are the official {@code 502 UpstreamFailure}.
 */
public final class UpstreamClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UpstreamClient.class.getName());
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final SafeHttp targets;
    private final Duration timeout;

    /** @param targets checks where requests may go (its own client is not used) */
    public UpstreamClient(SafeHttp targets, Duration timeout) {
        this.targets = targets;
        this.timeout = timeout;
        // HTTP/1.1: an h2c upgrade attempt on every plain-http request would only cost a round trip
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * Sends one request and returns as soon as the answer's headers are in; its body is streamed.
     *
     * @param headers request headers to send (names the JDK client refuses, such as Content-Length, must not be given)
     * @param body    the body for a POST, or {@code noBody()}
     * @throws XrpcException 502 UpstreamFailure when the target is refused, unreachable, drops the connection or hangs
     */
    HttpResponse<InputStream> send(URI uri, String method, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        try {
            targets.checkTarget(uri, timeout);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "upstream {0} failed: {1}", uri.getHost(), e.toString());
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    static XrpcException unreachable() {
        return new XrpcException(502, "UpstreamFailure", "Upstream service unreachable");
    }

    @Override public void close() {
        client.close();
    }
}
