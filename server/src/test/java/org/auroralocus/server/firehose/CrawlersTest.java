package org.auroralocus.server.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * A relay on loopback: each requestCrawl is recorded and then held until the test answers it
     * with a status, so the test decides when each request ends.
     */
    private static final class FakeRelay implements AutoCloseable {
        final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Integer> answers = new LinkedBlockingQueue<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final ExecutorService handlers = Executors.newCachedThreadPool();
        final HttpServer server;

        FakeRelay() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(handlers);
            server.createContext("/xrpc/com.atproto.sync.requestCrawl", exchange -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    bodies.add(exchange.getRequestMethod() + " " + body);
                    Integer status = answers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    exchange.sendResponseHeaders(status == null ? 504 : status, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        String nextRequest() throws InterruptedException {
            String r = bodies.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r == null) throw new AssertionError("no requestCrawl within " + TIMEOUT);
            return r;
        }

        void answer(int status) {
            answers.add(status);
        }

        @Override public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    FakeRelay relay;
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws IOException {
        relay = new FakeRelay();
    }

    @AfterEach
    void stop() {
        relay.close();
        scheduler.shutdownNow();
    }

    private static SequencedEvent anEvent() {
        return new SequencedEvent(1, TestAccounts.randomPlcDid(), "#identity", Instant.parse("2026-01-01T00:00:00Z"),
                DataValue.map());
    }

    @Test
    void asksOnStartRetriesAFailureAndAsksAgainAfterTheFirstEventOneRequestAtATime() throws Exception {
        String expected = "POST {\"hostname\":\"pds.example.com\"}";
        try (Crawlers crawlers = new Crawlers(List.of(relay.uri()), "pds.example.com", scheduler, TestClock.startingNow(),
                new Crawlers.Backoff(Duration.ofMillis(5), Duration.ofMillis(20)))) {
            crawlers.start();
            assertEquals(expected, relay.nextRequest());
            // asked again while the first request is still open: folded into one later request
            crawlers.sequenced(anEvent());
            crawlers.start();
            relay.answer(500);
            assertEquals(expected, relay.nextRequest(), "the failed request is retried");
            relay.answer(503);
            assertEquals(expected, relay.nextRequest(), "and retried again");
            relay.answer(200);
            assertEquals(expected, relay.nextRequest(), "then the asks made meanwhile, once");
            relay.answer(200);
            assertEquals(1, relay.mostInFlight.get(), "never two requests to one relay at once");
        }
    }

    @Test
    void theServerAsksItsCrawlersOnStartAndAfterTheFirstSignUp(@TempDir Path dir) throws Exception {
        relay.answer(200);
        try (TestPds pds = TestPds.start(dir, Map.of("PDS_CRAWLERS", relay.uri().toString()))) {
            assertEquals("POST {\"hostname\":\"localhost\"}", relay.nextRequest(), "on start");
            relay.answer(200);
            TestAccounts.signUp(pds, "crawled", "pw");
            assertEquals("POST {\"hostname\":\"localhost\"}", relay.nextRequest(), "after the first event");
        }
    }

    @Test
    void theRetryDelayIsWrittenForPeopleInTheLog() {
        assertEquals("2 s", Crawlers.plainWords(Duration.ofSeconds(2)));
        assertEquals("1 min", Crawlers.plainWords(Duration.ofSeconds(60)));
        assertEquals("1 min 30 s", Crawlers.plainWords(Duration.ofSeconds(90)));
    }

    @Test
    void aFailedRequestIsExplainedInWords() {
        assertEquals("connection refused", Crawlers.reason(new java.util.concurrent.CompletionException(new java.net.ConnectException())));
        assertEquals("no answer in time", Crawlers.reason(new java.net.http.HttpTimeoutException("request timed out")));
        assertEquals("IOException", Crawlers.reason(new java.io.IOException()));
    }
}
