package org.auroralocus.atproto.identity;

import static org.auroralocus.atproto.identity.DidDocumentTest.PLC_DID;
import static org.auroralocus.atproto.identity.DidDocumentTest.plcDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.auroralocus.atproto.identity.IdentityException.Reason;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** NetworkDidResolver against a fake PLC directory and a did:web host, both real HTTP servers on loopback. */
class DidResolverTest {
    private static final Did PLC = Did.parse(PLC_DID);

    private final LocalServer server = LocalServer.start();
    private final SafeHttp http = SafeHttp.create(false);
    private final NetworkDidResolver resolver = new NetworkDidResolver(server.uri("/"), http);

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private IdentityException failure(Did did) {
        return assertThrows(IdentityException.class, () -> resolver.resolve(did));
    }

    @Test
    void resolvesPlcFromTheDirectory() {
        server.text("/" + PLC_DID, 200, "application/did+ld+json", plcDocument(PLC_DID, "bsky.app", "https://pds.example.com"));

        DidDocument doc = resolver.resolve(PLC).orElseThrow();

        assertEquals(PLC, doc.id());
        assertEquals(Optional.of(Handle.parse("bsky.app")), doc.handle());
        assertEquals(List.of("/" + PLC_DID), server.requestedPaths());
    }

    @Test
    void directoryUrlWithPathAndTrailingSlashIsABase() {
        server.text("/plc/" + PLC_DID, 200, "application/json", plcDocument(PLC_DID, "bsky.app", "https://pds.example.com"));
        NetworkDidResolver underPath = new NetworkDidResolver(server.uri("/plc/"), http);

        assertEquals(PLC, underPath.resolve(PLC).orElseThrow().id());
    }

    @Test
    void unknownPlcIsEmpty() {
        assertEquals(Optional.empty(), resolver.resolve(PLC));
    }

    static Stream<Arguments> directoryAnswers() {
        String other = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
        return Stream.of(
                Arguments.of("tombstoned", 410, "{\"message\":\"DID not available: " + PLC_DID + "\"}", Reason.DEACTIVATED),
                Arguments.of("directory down", 503, "down for maintenance", Reason.UNAVAILABLE),
                Arguments.of("directory error", 500, "{}", Reason.UNAVAILABLE),
                Arguments.of("another DID's document", 200, plcDocument(other, "bsky.app", "https://pds.example.com"),
                        Reason.BAD_DOCUMENT),
                Arguments.of("malformed document", 200, "{\"id\": \"" + PLC_DID + "\", \"service\": 7}", Reason.BAD_DOCUMENT),
                Arguments.of("not JSON", 200, "<html>hello</html>", Reason.BAD_DOCUMENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directoryAnswers")
    void directoryAnswerThatIsNoDocumentIsAFailure(String name, int status, String body, Reason reason) {
        server.text("/" + PLC_DID, status, "application/json", body);

        assertEquals(reason, failure(PLC).reason());
    }

    @Test
    void redirectsAreNotFollowed() {
        server.redirect("/" + PLC_DID, 302, "/elsewhere");

        assertEquals(Reason.UNAVAILABLE, failure(PLC).reason());
        assertEquals(List.of("/" + PLC_DID), server.requestedPaths());
    }

    @Test
    void oversizedDocumentIsRefused() {
        String padding = "\"x\": \"" + "a".repeat((int) NetworkDidResolver.MAX_DOCUMENT_BYTES) + "\", ";
        server.text("/" + PLC_DID, 200, "application/json", "{" + padding + "\"id\": \"" + PLC_DID + "\"}");

        IdentityException e = failure(PLC);

        assertEquals(Reason.BAD_DOCUMENT, e.reason());
        assertInstanceOf(ResponseTooLargeException.class, e.getCause());
    }

    @Test
    void malformedPlcIdentifierIsNotRequested() {
        assertEquals(Reason.INVALID_DID, failure(Did.parse("did:plc:UPPERCASE0000000000000000")).reason());
        assertEquals(Reason.INVALID_DID, failure(Did.parse("did:plc:tooshort")).reason());
        assertEquals(List.of(), server.requestedPaths());
    }

    @Test
    void resolvesLocalhostDidWebWithPort() {
        Did did = Did.parse("did:web:localhost%3A" + server.port());
        server.text("/.well-known/did.json", 200, "application/json", plcDocument(did.value(), "web.example.com", "https://pds.example.com"));

        assertEquals(did, resolver.resolve(did).orElseThrow().id());
        assertEquals(List.of("/.well-known/did.json"), server.requestedPaths());
    }

    @Test
    void didWebWithoutDocumentIsEmpty() {
        assertEquals(Optional.empty(), resolver.resolve(Did.parse("did:web:localhost%3A" + server.port())));
    }

    @Test
    void ssrfProtectionRefusesLocalhostDidWeb() {
        server.text("/.well-known/did.json", 200, "application/json", "{}");

        try (SafeHttp protectedHttp = SafeHttp.create(true)) {
            NetworkDidResolver guarded = new NetworkDidResolver(server.uri("/"), protectedHttp);
            IdentityException e = assertThrows(IdentityException.class,
                    () -> guarded.resolve(Did.parse("did:web:localhost%3A" + server.port())));

            assertEquals(Reason.UNAVAILABLE, e.reason());
            assertInstanceOf(ForbiddenTargetException.class, e.getCause());
        }
        assertEquals(List.of(), server.requestedPaths());
    }

    @Test
    void ssrfProtectionRefusesLoopbackEvenOverHttps() {
        try (SafeHttp protectedHttp = SafeHttp.create(true)) {
            NetworkDidResolver guarded = new NetworkDidResolver(URI.create("https://127.0.0.1:" + server.port()), protectedHttp);
            IdentityException e = assertThrows(IdentityException.class, () -> guarded.resolve(PLC));

            assertInstanceOf(ForbiddenTargetException.class, e.getCause());
        }
        assertEquals(List.of(), server.requestedPaths());
    }

    @Test
    void plcDirectoryMayHaveItsOwnUnprotectedClient() {
        server.text("/" + PLC_DID, 200, "application/json", plcDocument(PLC_DID, "bsky.app", "https://pds.example.com"));

        try (SafeHttp protectedHttp = SafeHttp.create(true)) {
            NetworkDidResolver split = new NetworkDidResolver(server.uri("/"), http, protectedHttp, Duration.ofSeconds(3));

            assertEquals(PLC, split.resolve(PLC).orElseThrow().id());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "did:web:example.com, https://example.com/.well-known/did.json",
            "did:web:pds.sub.example.com, https://pds.sub.example.com/.well-known/did.json",
            "did:web:localhost, http://localhost/.well-known/did.json",
            "did:web:localhost%3A2583, http://localhost:2583/.well-known/did.json",
            "did:web:localhost%3a2583, http://localhost:2583/.well-known/did.json"})
    void didWebUrl(String did, String url) {
        assertEquals(URI.create(url), NetworkDidResolver.webUrl(Did.parse(did)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "did:web:example.com:user:alice, UNSUPPORTED_METHOD",
            "did:web:example.com%3A8443, INVALID_DID",
            "did:web:localhost%3A, INVALID_DID",
            "did:web:localhost%3A99999, INVALID_DID",
            "did:web:example.com%2Fpath, INVALID_DID",
            "did:web:laptop.local, INVALID_DID",
            "did:web:1.2.3.4, INVALID_DID",
            "did:web:nodots, INVALID_DID",
            "did:key:zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF, UNSUPPORTED_METHOD",
            "did:example:123, UNSUPPORTED_METHOD"})
    void refusesDidsThatCannotBeResolved(String did, Reason reason) {
        assertEquals(reason, failure(Did.parse(did)).reason());
        assertEquals(List.of(), server.requestedPaths());
    }
}
