package org.auroralocus.atproto.identity.plc;

import static org.auroralocus.atproto.identity.plc.PlcTestKeys.ROTATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.auroralocus.atproto.syntax.Did;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted directory: each test sets the one answer it gets. */
class HttpPlcClientTest {
    private final SignedPlcOp genesis = SignedPlcOpTest.genesis().sign(ROTATION);
    private final Did did = genesis.genesisDid();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<String> seen = new AtomicReference<>();
    private HttpServer server;
    private HttpPlcClient client;

    record Answer(int status, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::respond);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/plc/");
        client = new HttpPlcClient(base, HttpClient.newHttpClient(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void submitPostsTheOperationJsonToTheDidPath() {
        answer.set(new Answer(200, "OK"));

        client.submit(did, genesis);

        assertEquals("POST /plc/" + did + " " + genesis.toJson(), seen.get());
    }

    @Test
    void lastOpIsReadFromTheDirectory() {
        answer.set(new Answer(200, genesis.toJson().toString()));

        assertEquals(genesis, client.lastOp(did));
        assertEquals("GET /plc/" + did + "/log/last ", seen.get());
    }

    @Test
    void logAndAuditLogAreListsOldestFirst() {
        PlcAuditEntry entry = PlcAuditEntry.accepted(did, genesis, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        answer.set(new Answer(200, "[" + genesis.toJson() + "]"));
        assertEquals(List.of(genesis), client.log(did));
        answer.set(new Answer(200, "[" + entry.toJson() + "]"));
        assertEquals(List.of(entry), client.auditLog(did));
    }

    @Test
    void unknownDidIsNotFoundWithTheDirectoryMessage() {
        answer.set(new Answer(404, "{\"message\":\"DID not registered: " + did + "\"}"));

        PlcNotFoundException e = assertThrows(PlcNotFoundException.class, () -> client.data(did));

        assertEquals("DID not registered: " + did, e.getMessage());
        assertEquals(OptionalInt.of(404), e.status());
    }

    @Test
    void refusedOperationIsRejectedWithTheDirectoryMessage() {
        answer.set(new Answer(400, "{\"message\":\"Invalid signature on op: {}\"}"));

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(did, genesis));

        assertEquals("Invalid signature on op: {}", e.getMessage());
        assertEquals(OptionalInt.of(400), e.status());
    }

    @Test
    void serverErrorWithPlainTextBodyIsUnavailable() {
        answer.set(new Answer(502, "Bad Gateway"));

        PlcUnavailableException e = assertThrows(PlcUnavailableException.class, () -> client.document(did));

        assertEquals("Bad Gateway", e.getMessage());
    }

    @Test
    void malformedSuccessIsUnavailable() {
        answer.set(new Answer(200, "{\"type\":\"plc_operation\"}"));

        assertThrows(PlcUnavailableException.class, () -> client.lastOp(did));
    }

    @Test
    void unreachableDirectoryIsUnavailableWithoutStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpPlcClient nowhere = HttpPlcClient.create(URI.create("http://127.0.0.1:" + closedPort));

        PlcUnavailableException e = assertThrows(PlcUnavailableException.class, () -> nowhere.data(did));

        assertEquals(OptionalInt.empty(), e.status());
    }

    @Test
    void onlyDidPlcIsAskedFor() {
        assertThrows(IllegalArgumentException.class, () -> client.data(Did.parse("did:web:example.com")));
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        Answer a = answer.get();
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(a.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
