package org.auroralocus.atproto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandleResolverTest {
    private static final Did ALICE = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final Did BOB = Did.parse("did:plc:z72i7hdynmk6r22z27h6tvur");
    private static final TxtLookup NO_RECORDS = name -> List.of();

    private final LocalServer server = LocalServer.start();
    private final SafeHttp http = SafeHttp.create(false);
    private final List<String> queried = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    /** Well-known requests go to the local server, under a path naming the handle. */
    private NetworkHandleResolver resolver(TxtLookup dns, Duration timeout) {
        TxtLookup recording = name -> {
            queried.add(name);
            return dns.txt(name);
        };
        return new NetworkHandleResolver(recording, http, timeout,
                handle -> server.uri("/" + handle.value() + "/.well-known/atproto-did"));
    }

    private NetworkHandleResolver resolver(TxtLookup dns) {
        return resolver(dns, Duration.ofSeconds(5));
    }

    private static Optional<Did> resolve(NetworkHandleResolver resolver, String handle) {
        return resolver.resolve(Handle.parse(handle));
    }

    @Test
    void resolvesTheOneDidRecord() {
        TxtLookup dns = name -> List.of("v=spf1 -all", "did=" + ALICE);

        assertEquals(Optional.of(ALICE), resolve(resolver(dns), "alice.example.com"));
        assertEquals(List.of("_atproto.alice.example.com"), queried);
    }

    @Test
    void twoDifferentDidsResolveToNothing() {
        TxtLookup dns = name -> List.of("did=" + ALICE, "did=" + BOB);

        assertEquals(Optional.empty(), resolve(resolver(dns), "alice.example.com"));
    }

    @Test
    void theSameDidTwiceIsOneDid() {
        // the spec only forbids records with *different* DIDs
        TxtLookup dns = name -> List.of("did=" + ALICE, "did=" + ALICE);

        assertEquals(Optional.of(ALICE), resolve(resolver(dns), "alice.example.com"));
    }

    @Test
    void garbageRecordResolvesToNothing() {
        TxtLookup dns = name -> List.of("did=this is not a did");

        assertEquals(Optional.empty(), resolve(resolver(dns), "alice.example.com"));
    }

    @Test
    void recordsWithoutThePrefixAreIgnored() {
        TxtLookup dns = name -> List.of(ALICE.value(), "DID=" + ALICE, " did=" + ALICE);

        assertEquals(Optional.empty(), resolve(resolver(dns), "alice.example.com"));
    }

    @Test
    void queriesTheLowerCaseName() {
        TxtLookup dns = name -> List.of("did=" + ALICE);

        assertEquals(Optional.of(ALICE), resolve(resolver(dns), "Alice.Example.COM"));
        assertEquals(List.of("_atproto.alice.example.com"), queried);
    }

    @Test
    void resolvesThroughWellKnownWhenDnsHasNoRecord() {
        // whitespace around the DID and a content type other than text/plain are tolerated
        server.text("/alice.example.com/.well-known/atproto-did", 200, "text/html", "\n  " + ALICE + "  \r\n");

        assertEquals(Optional.of(ALICE), resolve(resolver(NO_RECORDS), "alice.example.com"));
        assertEquals(List.of("/alice.example.com/.well-known/atproto-did"), server.requestedPaths());
    }

    @Test
    void resolvesThroughWellKnownWhenDnsFails() {
        server.text("/alice.example.com/.well-known/atproto-did", 200, "text/plain", ALICE.value());
        TxtLookup failing = name -> {
            throw new IOException("SERVFAIL");
        };

        assertEquals(Optional.of(ALICE), resolve(resolver(failing), "alice.example.com"));
    }

    @Test
    void dnsAnswerWinsOverWellKnown() {
        server.text("/alice.example.com/.well-known/atproto-did", 200, "text/plain", BOB.value());

        assertEquals(Optional.of(ALICE), resolve(resolver(name -> List.of("did=" + ALICE)), "alice.example.com"));
    }

    @Test
    void followsWellKnownRedirects() {
        server.redirect("/alice.example.com/.well-known/atproto-did", 301, "/moved")
                .text("/moved", 200, "text/plain", ALICE.value());

        assertEquals(Optional.of(ALICE), resolve(resolver(NO_RECORDS), "alice.example.com"));
    }

    @Test
    void wellKnownErrorStatusResolvesToNothing() {
        server.text("/alice.example.com/.well-known/atproto-did", 500, "text/plain", ALICE.value());

        assertEquals(Optional.empty(), resolve(resolver(NO_RECORDS), "alice.example.com"));
    }

    @Test
    void wellKnownGarbageResolvesToNothing() {
        server.text("/alice.example.com/.well-known/atproto-did", 200, "text/html", "<html>hello</html>");

        assertEquals(Optional.empty(), resolve(resolver(NO_RECORDS), "alice.example.com"));
    }

    @Test
    void oversizedWellKnownBodyResolvesToNothing() {
        String padded = ALICE + " ".repeat((int) NetworkHandleResolver.MAX_WELL_KNOWN_BYTES);
        server.text("/alice.example.com/.well-known/atproto-did", 200, "text/plain", padded);

        assertEquals(Optional.empty(), resolve(resolver(NO_RECORDS), "alice.example.com"));
    }

    @Test
    void nothingAnywhereResolvesToNothing() {
        assertEquals(Optional.empty(), resolve(resolver(NO_RECORDS), "alice.example.com"));
    }

    @Test
    void disallowedTldsFailWithoutAnyLookup() {
        NetworkHandleResolver resolver = resolver(name -> List.of("did=" + ALICE));

        for (String handle : List.of("laptop.local", "handle.invalid", "blah.arpa", "x.onion", "a.localhost")) {
            assertEquals(Optional.empty(), resolve(resolver, handle), handle);
        }
        assertEquals(List.of(), queried);
        assertEquals(List.of(), server.requestedPaths());
    }

    @Test
    void resolutionEndsAtTheTimeoutWhenNeitherMethodAnswers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        TxtLookup hangingDns = name -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of("did=" + ALICE);
        };
        server.handle("/alice.example.com/.well-known/atproto-did", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        NetworkHandleResolver resolver = resolver(hangingDns, Duration.ofMillis(300));

        try {
            Optional<Did> did = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> resolve(resolver, "alice.example.com"));
            assertEquals(Optional.empty(), did);
        } finally {
            release.countDown();
        }
    }

    @Test
    void wellKnownUrlIsHttpsOnTheHandleItself() {
        assertEquals(URI.create("https://alice.example.com/.well-known/atproto-did"),
                NetworkHandleResolver.wellKnownUrl(Handle.parse("alice.example.com")));
    }
}
