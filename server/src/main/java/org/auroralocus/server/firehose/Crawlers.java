package org.auroralocus.server.firehose;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.auroralocus.server.sequencer.SequencedListener;

/**
 * Asks the relays in {@code PDS_CRAWLERS} to crawl this server (com.atproto.sync.requestCrawl with
 * our hostname): on start, after the first new event, and after later events at most every twenty
 * minutes, as the official PDS does. Requests are asynchronous, so neither start-up nor a write ever
 * waits for a relay; each relay has at most one request in flight (asks meanwhile are folded into one
 * more request after it), and a failed request is retried with exponential backoff.
 */
public final class Crawlers implements SequencedListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Crawlers.class.getName());
    /** The official PDS asks again after events at most this often. */
    static final Duration RENOTIFY = Duration.ofMinutes(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Retry delays: {@code first}, doubling up to {@code max}. */
    public record Backoff(Duration first, Duration max) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

        public Backoff {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff must start positive and not exceed its maximum");
            }
        }

        Duration after(Duration delay) {
            Duration doubled = delay.multipliedBy(2);
            return doubled.compareTo(max) > 0 ? max : doubled;
        }
    }

    private final List<Relay> relays;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final byte[] body;
    private boolean started;
    private boolean sawEvent;
    private Instant lastAsked = Instant.MIN;

    public Crawlers(List<URI> crawlers, String hostname, ScheduledExecutorService scheduler, Clock clock, Backoff backoff) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
        // PDS_HOSTNAME is checked to be letters, digits, dots and dashes, so it needs no JSON escaping
        this.body = ("{\"hostname\":\"" + hostname + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.relays = crawlers.stream().map(Relay::new).toList();
    }

    /** Asks every relay now: the server has just started serving. */
    public synchronized void start() {
        started = true;
        askAll();
    }

    /**
     * After the first event, and then at most every {@link #RENOTIFY}. Never waits. Events before
     * {@link #start()} (start-up repair) wait for it: a relay asked then could not reach us yet.
     */
    @Override public synchronized void sequenced(SequencedEvent event) {
        if (!started || sawEvent && clock.instant().isBefore(lastAsked.plus(RENOTIFY))) return;
        sawEvent = true;
        askAll();
    }

    private void askAll() {
        if (relays.isEmpty()) return;
        lastAsked = clock.instant();
        relays.forEach(Relay::ask);
    }

    @Override public void close() {
        http.close();
    }

    /** One relay: at most one request in flight, or one retry waiting. */
    private final class Relay {
        private final URI endpoint;
        private boolean busy;
        private boolean askedAgain;
        private Duration delay = backoff.first();

        Relay(URI crawler) {
            String base = crawler.toString().replaceAll("/+$", "");
            this.endpoint = URI.create(base + "/xrpc/com.atproto.sync.requestCrawl");
        }

        synchronized void ask() {
            if (busy) {
                askedAgain = true;
                return;
            }
            busy = true;
            send();
        }

        private void send() {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> done(error == null ? response.statusCode() : 0, error));
        }

        private synchronized void done(int status, Throwable error) {
            if (status / 100 == 2) {
                LOG.log(System.Logger.Level.INFO, "asked {0} to crawl this server", endpoint.getHost());
                delay = backoff.first();
                if (askedAgain) {
                    askedAgain = false;
                    send();
                } else {
                    busy = false;
                }
            } else if (status / 100 == 4 && status != 429) {
                // the relay refuses (HostBanned, or it serves no requestCrawl): asking again would not help
                LOG.log(System.Logger.Level.WARNING, "{0} refused to crawl this server (HTTP {1})", endpoint.getHost(), status);
                busy = false;
                askedAgain = false;
            } else {
                LOG.log(System.Logger.Level.WARNING, "could not ask {0} to crawl this server ({1}); retrying in {2}",
                        endpoint.getHost(), error != null ? reason(error) : "HTTP " + status, plainWords(delay));
                scheduler.schedule(this::send, delay.toMillis(), TimeUnit.MILLISECONDS);
                delay = backoff.after(delay);
            }
        }
    }

    /** "2 s", "1 min 30 s": the log line is read by owners in the desktop app's problem list, not only by developers. */
    static String plainWords(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds < 60) return seconds + " s";
        long minutes = seconds / 60;
        return seconds % 60 == 0 ? minutes + " min" : minutes + " min " + seconds % 60 + " s";
    }

    /** Why a request failed, in words an owner can act on (the HTTP client's exceptions often carry no message). */
    static String reason(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return switch (e) {
            case ConnectException _ -> "connection refused";
            case HttpTimeoutException _ -> "no answer in time";
            case UnknownHostException _ -> "unknown host";
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
