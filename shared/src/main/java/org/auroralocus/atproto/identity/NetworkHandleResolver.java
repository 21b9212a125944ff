package org.auroralocus.atproto.identity;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;

/**
 * Handle resolution over the network, both methods of the spec (https://atproto.com/specs/handle#handle-resolution):
 * the DNS TXT record {@code _atproto.<handle>} holding {@code did=<did>}, and
 * {@code https://<handle>/.well-known/atproto-did}.
 *
 * <p>Like the official resolver, both start at once; the DNS answer is awaited first and wins when it has one
 * (the spec prefers it on conflict), and the HTTPS request is then cancelled. Without a DNS answer the HTTPS one
 * is used. Both share one deadline, so a resolution takes at most the timeout.
 */
public final class NetworkHandleResolver implements HandleResolver {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** A DID is at most 2048 characters; the rest is room for whitespace around it. */
    static final long MAX_WELL_KNOWN_BYTES = 4096;
    private static final int MAX_REDIRECTS = 5;
    private static final String DID_PREFIX = "did=";
    private static final System.Logger LOG = System.getLogger(NetworkHandleResolver.class.getName());

    private final TxtLookup dns;
    private final SafeHttp http;
    private final Duration timeout;
    private final Function<Handle, URI> wellKnown;

    public NetworkHandleResolver(TxtLookup dns, SafeHttp http) {
        this(dns, http, DEFAULT_TIMEOUT);
    }

    public NetworkHandleResolver(TxtLookup dns, SafeHttp http, Duration timeout) {
        this(dns, http, timeout, NetworkHandleResolver::wellKnownUrl);
    }

    /** With another well-known URL per handle: tests point it at a local server. */
    NetworkHandleResolver(TxtLookup dns, SafeHttp http, Duration timeout, Function<Handle, URI> wellKnown) {
        this.dns = dns;
        this.http = http;
        this.timeout = timeout;
        this.wellKnown = wellKnown;
    }

    @Override
    public Optional<Did> resolve(Handle handle) {
        Handle normalized = handle.normalized();
        // .local, .onion, handle.invalid, ...: valid syntax, but the spec says resolution must fail
        if (!normalized.hasAllowedTld()) return Optional.empty();
        long deadline = System.nanoTime() + timeout.toNanos();
        FutureTask<Optional<Did>> fromDns = start("dns", () -> viaDns(normalized));
        FutureTask<Optional<Did>> fromHttps = start("https", () -> viaHttps(normalized));
        try {
            Optional<Did> did = await(fromDns, deadline, normalized, "DNS");
            return did.isPresent() ? did : await(fromHttps, deadline, normalized, "HTTPS");
        } finally {
            fromDns.cancel(true);
            fromHttps.cancel(true);
        }
    }

    /** Where the HTTPS method asks: https on the default port, as the spec requires outside development. */
    static URI wellKnownUrl(Handle handle) {
        return URI.create("https://" + handle.value() + "/.well-known/atproto-did");
    }

    /**
     * The DID of the one {@code did=} record among the TXT records, or empty when there are none, several with
     * different DIDs (the spec says resolution must then fail), or the one is not a valid DID. Other TXT
     * records are ignored. The same DID twice counts once: the spec only forbids different DIDs (the official
     * resolver is stricter and fails on any second {@code did=} record).
     */
    static Optional<Did> fromTxtRecords(List<String> records) {
        List<String> dids = records.stream()
                .filter(record -> record.startsWith(DID_PREFIX))
                .map(record -> record.substring(DID_PREFIX.length()))
                .distinct()
                .toList();
        return dids.size() == 1 && Did.isValid(dids.getFirst()) ? Optional.of(Did.parse(dids.getFirst())) : Optional.empty();
    }

    /**
     * The DID in a well-known response body: the first line once surrounding whitespace is stripped (the spec
     * allows the whitespace; the official resolver reads the first line).
     */
    static Optional<Did> fromWellKnownBody(String body) {
        String firstLine = body.strip().lines().findFirst().orElse("").strip();
        return Did.isValid(firstLine) ? Optional.of(Did.parse(firstLine)) : Optional.empty();
    }

    private Optional<Did> viaDns(Handle handle) throws IOException {
        return fromTxtRecords(dns.txt("_atproto." + handle.value()));
    }

    private Optional<Did> viaHttps(Handle handle) throws IOException {
        // the Content-Type is not checked: the spec says it need not be text/plain strictly
        SafeHttp.Response response = http.get(wellKnown.apply(handle),
                new SafeHttp.Limits(timeout, MAX_WELL_KNOWN_BYTES, MAX_REDIRECTS, "text/plain"));
        if (!response.isSuccess()) return Optional.empty();
        return fromWellKnownBody(response.text());
    }

    private static FutureTask<Optional<Did>> start(String method, Callable<Optional<Did>> lookup) {
        FutureTask<Optional<Did>> task = new FutureTask<>(lookup);
        Thread.ofVirtual().name("handle-" + method).start(task);
        return task;
    }

    /** The method's answer by the deadline; any failure is logged and counts as no answer. */
    private static Optional<Did> await(FutureTask<Optional<Did>> task, long deadline, Handle handle, String method) {
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "handle {0}: {1} resolution failed: {2}", handle, method, e.getCause());
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "handle {0}: {1} resolution timed out", handle, method);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
