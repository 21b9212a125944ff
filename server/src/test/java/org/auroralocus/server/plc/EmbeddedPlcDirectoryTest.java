package org.auroralocus.server.plc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.crypto.PublicKey;
import org.auroralocus.atproto.identity.plc.HttpPlcClient;
import org.auroralocus.atproto.identity.plc.PlcAuditEntry;
import org.auroralocus.atproto.identity.plc.PlcData;
import org.auroralocus.atproto.identity.plc.PlcNotFoundException;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.identity.plc.PlcRejectedException;
import org.auroralocus.atproto.identity.plc.PlcTombstone;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.plc.db.PlcOperationTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded directory behind a real Helidon server on a loopback port, spoken to by our HTTP
 * {@code PlcClient} exactly as it speaks to plc.directory.
 */
class EmbeddedPlcDirectoryTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final KeyPair SERVER_ROTATION = KeyPair.fromHex(Curve.K256, "1f".repeat(32));
    private static final KeyPair USER_RECOVERY = KeyPair.fromHex(Curve.P256, "2e".repeat(32));
    private static final KeyPair SIGNING = KeyPair.fromHex(Curve.K256, "3d".repeat(32));
    private static final KeyPair STRANGER = KeyPair.fromHex(Curve.K256, "4c".repeat(32));

    @TempDir
    Path dir;
    private final DatabaseThreads threads = new DatabaseThreads(1, 2);
    private Database db;
    private WebServer web;
    private URI base;
    private HttpPlcClient client;

    private final SignedPlcOp genesis = genesisOp().sign(SERVER_ROTATION);
    private final Did did = genesis.genesisDid();

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("plc.sqlite"), PlcOperationTable.MIGRATIONS, threads);
        EmbeddedPlcDirectory directory = new EmbeddedPlcDirectory(new PlcOperationTable(db), Clock.fixed(NOW, ZoneOffset.UTC));
        web = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(r -> r.register("/plc", new PlcDirectoryService(directory)))
                .build()
                .start();
        base = URI.create("http://127.0.0.1:" + web.port() + "/plc");
        client = HttpPlcClient.create(base);
    }

    @AfterEach
    void stop() {
        web.stop();
        db.close();
        threads.close();
    }

    private static PlcOperation genesisOp() {
        return PlcOperation.atprotoGenesis(List.of(SERVER_ROTATION.publicKey(), USER_RECOVERY.publicKey()), SIGNING.publicKey(),
                Handle.parse("alice.test"), "https://pds.example.com");
    }

    @Test
    void genesisCreatesTheDidAndItsDocument() throws Exception {
        client.submit(did, genesis);

        assertEquals(PlcData.of(did, genesis).orElseThrow(), client.data(did));
        JsonNode expected = new ObjectMapper().readTree("""
                {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1",
                              "https://w3id.org/security/suites/secp256k1-2019/v1"],
                 "id": "%1$s", "alsoKnownAs": ["at://alice.test"],
                 "verificationMethod": [{"id": "%1$s#atproto", "type": "Multikey", "controller": "%1$s",
                                         "publicKeyMultibase": "%2$s"}],
                 "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                              "serviceEndpoint": "https://pds.example.com"}]}
                """.formatted(did, SIGNING.publicKey().multikey()));
        assertEquals(expected, client.document(did));
        assertEquals(genesis, client.lastOp(did));
        assertEquals(List.of(genesis), client.log(did));
    }

    @Test
    void updatesRenameAndMoveTheAccount() {
        client.submit(did, genesis);
        SignedPlcOp renamed = client.lastOp(did).nextOperation().orElseThrow()
                .withHandle(Handle.parse("bob.test")).sign(SERVER_ROTATION);
        client.submit(did, renamed);
        SignedPlcOp moved = client.lastOp(did).nextOperation().orElseThrow()
                .withPdsEndpoint("https://other.example.net").sign(USER_RECOVERY);
        client.submit(did, moved);

        JsonNode document = client.document(did);
        assertEquals("at://bob.test", document.get("alsoKnownAs").get(0).textValue());
        assertEquals("https://other.example.net", document.get("service").get(0).get("serviceEndpoint").textValue());
        assertEquals(List.of(genesis, renamed, moved), client.log(did));
    }

    @Test
    void auditLogListsEveryOperationWithCidAndAcceptanceTime() {
        client.submit(did, genesis);
        SignedPlcOp renamed = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.test")).sign(SERVER_ROTATION);
        client.submit(did, renamed);

        List<PlcAuditEntry> audit = client.auditLog(did);

        assertEquals(List.of(new PlcAuditEntry(did, genesis, genesis.cid(), false, NOW),
                new PlcAuditEntry(did, renamed, renamed.cid(), false, NOW)), audit);
    }

    @Test
    void auditEntriesHaveTheDirectoryShape() throws Exception {
        client.submit(did, genesis);

        JsonNode entry = new ObjectMapper().readTree(get("/" + did + "/log/audit").body()).get(0);

        assertEquals(List.of("did", "operation", "cid", "nullified", "createdAt"), fieldNames(entry));
        assertEquals("2026-03-04T05:06:07.089Z", entry.get("createdAt").textValue());
        assertEquals(false, entry.get("nullified").booleanValue());
        assertEquals(genesis.cid().toString(), entry.get("cid").textValue());
    }

    @Test
    void operationSignedByAKeyNotInForceIsRejected() {
        client.submit(did, genesis);
        SignedPlcOp hijack = genesis.nextOperation().orElseThrow()
                .withRotationKeys(List.of(STRANGER.publicKey())).sign(STRANGER);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(did, hijack));

        assertEquals(OptionalInt.of(400), e.status());
        assertTrue(e.getMessage().startsWith("Invalid signature on op: "), e.getMessage());
        assertEquals(List.of(genesis), client.log(did));
    }

    @Test
    void genesisSignedByAKeyItDoesNotListIsRejected() {
        SignedPlcOp foreign = genesisOp().sign(STRANGER);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(foreign.genesisDid(), foreign));

        assertTrue(e.getMessage().startsWith("Invalid signature on op: "), e.getMessage());
    }

    @Test
    void genesisForAnotherDidIsRejected() {
        Did other = Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(other, genesis));

        assertEquals("Hash of genesis operation does not match DID identifier: " + did, e.getMessage());
        assertThrows(PlcNotFoundException.class, () -> client.data(other));
    }

    @Test
    void updateWithUnknownPrevIsRejected() {
        client.submit(did, genesis);
        SignedPlcOp stray = genesisOp().withPrev(Cid.ofDagCbor(new byte[] {1})).sign(SERVER_ROTATION);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(did, stray));

        assertEquals("Operations not correctly ordered", e.getMessage());
    }

    @Test
    void updateFromAnOlderOperationIsRefusedAsAnUnsupportedRecovery() {
        client.submit(did, genesis);
        client.submit(did, genesis.nextOperation().orElseThrow().withHandle(Handle.parse("bob.test")).sign(SERVER_ROTATION));
        SignedPlcOp fork = genesis.nextOperation().orElseThrow().withHandle(Handle.parse("carol.test")).sign(SERVER_ROTATION);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(did, fork));

        assertEquals(OptionalInt.of(400), e.status());
        assertTrue(e.getMessage().startsWith("Recovery operations"), e.getMessage());
        assertEquals(Optional.of(Handle.parse("bob.test")), client.data(did).asOperation().handle());
    }

    @Test
    void secondGenesisForAKnownDidIsMisordered() {
        client.submit(did, genesis);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(did, genesis));

        assertEquals("Operations not correctly ordered", e.getMessage());
    }

    @Test
    void unknownDidIsNotRegisteredOnEveryRoute() {
        String message = "DID not registered: " + did;

        assertEquals(message, assertThrows(PlcNotFoundException.class, () -> client.document(did)).getMessage());
        assertEquals(message, assertThrows(PlcNotFoundException.class, () -> client.data(did)).getMessage());
        assertEquals(message, assertThrows(PlcNotFoundException.class, () -> client.log(did)).getMessage());
        assertEquals(message, assertThrows(PlcNotFoundException.class, () -> client.auditLog(did)).getMessage());
        assertEquals(message, assertThrows(PlcNotFoundException.class, () -> client.lastOp(did)).getMessage());
    }

    @Test
    void tombstonedDidHasNoDocumentButKeepsItsLogAndTakesNoMoreOperations() {
        client.submit(did, genesis);
        SignedPlcOp tombstone = new PlcTombstone(genesis.cid()).sign(USER_RECOVERY);
        client.submit(did, tombstone);

        assertEquals("DID not available: " + did, assertThrows(PlcNotFoundException.class, () -> client.document(did)).getMessage());
        assertEquals("DID not available: " + did, assertThrows(PlcNotFoundException.class, () -> client.data(did)).getMessage());
        assertEquals(tombstone, client.lastOp(did));
        assertEquals(List.of(genesis, tombstone), client.log(did));
        SignedPlcOp revive = genesisOp().withPrev(tombstone.cid()).sign(SERVER_ROTATION);
        assertEquals("Operations not correctly ordered",
                assertThrows(PlcRejectedException.class, () -> client.submit(did, revive)).getMessage());
    }

    @Test
    void sixRotationKeysAreTooMany() {
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 1; i <= 6; i++) keys.add(KeyPair.fromHex(Curve.K256, "%064x".formatted(i)).publicKey());
        SignedPlcOp op = genesisOp().withRotationKeys(keys).sign(SERVER_ROTATION);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(op.genesisDid(), op));

        assertEquals("Improperly formatted operation, too many rotation keys (max 5)", e.getMessage());
    }

    @Test
    void oversizedOperationIsRejected() {
        PlcOperation big = genesisOp().withPdsEndpoint("https://pds.example.com/" + "x".repeat(4000));
        SignedPlcOp op = big.sign(SERVER_ROTATION);

        PlcRejectedException e = assertThrows(PlcRejectedException.class, () -> client.submit(op.genesisDid(), op));

        assertEquals("Operation too large (4000 bytes maximum in cbor encoding)", e.getMessage());
    }

    @Test
    void bodyThatIsNoOperationGetsAMessage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/" + did))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"plc_operation\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertTrue(new ObjectMapper().readTree(response.body()).get("message").textValue().startsWith("Not a valid operation: "),
                response.body());
    }

    @Test
    void errorsAreJsonMessagesAndDocumentsDidJson() throws Exception {
        HttpResponse<String> missing = get("/" + did);
        client.submit(did, genesis);
        HttpResponse<String> found = get("/" + did);

        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"DID not registered: " + did + "\"}", missing.body());
        assertEquals(Optional.of("application/json; charset=utf-8"), missing.headers().firstValue("content-type"));
        assertEquals(Optional.of("application/did+ld+json"), found.headers().firstValue("content-type"));
    }

    @Test
    void percentEncodedDidInThePathIsTheSameDid() throws Exception {
        // the official client encodes the DID as a URI component
        client.submit(did, genesis);

        HttpResponse<String> response = get("/" + did.toString().replace(":", "%3A") + "/data");

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void racingUpdatesFromOneHeadAcceptExactlyOne() throws Exception {
        client.submit(did, genesis);
        int racers = 8;
        List<SignedPlcOp> updates = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            updates.add(genesis.nextOperation().orElseThrow().withHandle(Handle.parse("racer" + i + ".test")).sign(SERVER_ROTATION));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Boolean> accepted = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (SignedPlcOp update : updates) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        client.submit(did, update);
                        accepted.add(true);
                    } catch (PlcRejectedException e) {
                        accepted.add(false);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) f.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }

        assertEquals(1, accepted.stream().filter(b -> b).count());
        assertEquals(2, client.log(did).size());
    }

    @Test
    void logSurvivesARestart() {
        client.submit(did, genesis);
        db.close();

        db = Database.open(dir.resolve("plc.sqlite"), PlcOperationTable.MIGRATIONS, threads);
        EmbeddedPlcDirectory reopened = new EmbeddedPlcDirectory(new PlcOperationTable(db), Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(List.of(genesis), reopened.log(did));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
