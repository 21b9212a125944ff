package org.auroralocus.server.xrpc.com.atproto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.identity.PlcIdentity;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Editing a DID document through the server as a client does it (request a code, sign, submit), the
 * checks that keep the account usable here, and identity resolution, over real HTTP against a
 * server with the embedded PLC directory. The code is read from account.sqlite, where the server
 * keeps it until it can e-mail it.
 */
class PlcOperationsXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    static final TestClock clock = TestClock.startingNow();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of(), clock);

    private static TestAccounts.SignedUp signUp() {
        return pds.signUp("plc", "correct horse");
    }

    /** Asks for a code and reads it where the server keeps it. */
    private static String requestCode(TestAccounts.SignedUp user) throws SQLException {
        var r = pds.post("/xrpc/com.atproto.identity.requestPlcOperationSignature", "", user.auth());
        assertEquals(200, r.status(), r.text());
        return storedCode(user.did().toString()).orElseThrow();
    }

    private static Optional<String> storedCode(String did) throws SQLException {
        Path db = pds.server().config().dataDirectory().resolve("account.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement(
                     "SELECT token FROM email_token WHERE purpose = 'plc_operation' AND did = ?")) {
            st.setString(1, did);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static TestPds.Response sign(TestAccounts.SignedUp user, ObjectNode body) {
        return pds.post("/xrpc/com.atproto.identity.signPlcOperation", body.toString(), user.auth());
    }

    private static JsonNode signed(TestAccounts.SignedUp user, ObjectNode body) {
        var r = sign(user, body);
        assertEquals(200, r.status(), r.text());
        return r.json().get("operation");
    }

    private static TestPds.Response submit(TestAccounts.SignedUp user, JsonNode operation) {
        ObjectNode body = JSON.createObjectNode();
        body.set("operation", operation);
        return pds.post("/xrpc/com.atproto.identity.submitPlcOperation", body.toString(), user.auth());
    }

    private static ObjectNode withToken(String token) {
        return JSON.createObjectNode().put("token", token);
    }

    private static List<SeqTable.Row> events(String did) {
        return pds.server().services().sequencer().after(0, 100_000).stream().filter(e -> e.did().toString().equals(did)).toList();
    }

    private static String serverRotationKey() {
        return pds.server().services().plc().rotationKey().didKey();
    }

    // --- getRecommendedDidCredentials ---

    @Test
    void recommendedCredentialsAreWhatTheDidDocumentAlreadySays() {
        TestAccounts.SignedUp alice = signUp();
        var r = pds.get("/xrpc/com.atproto.identity.getRecommendedDidCredentials", alice.auth());
        assertEquals(200, r.status(), r.text());
        JsonNode recommended = r.json();

        JsonNode data = pds.get("/plc/" + alice.did().toString() + "/data").json();
        for (String field : List.of("rotationKeys", "alsoKnownAs", "verificationMethods", "services")) {
            assertEquals(data.get(field), recommended.get(field), field);
        }
        assertEquals(JSON.createArrayNode().add(serverRotationKey()), recommended.get("rotationKeys"));
        JsonNode doc = pds.get("/plc/" + alice.did().toString()).json();
        assertEquals("at://" + alice.handle(), recommended.get("alsoKnownAs").get(0).asText());
        assertEquals("did:key:" + doc.get("verificationMethod").get(0).get("publicKeyMultibase").asText(),
                recommended.get("verificationMethods").get("atproto").asText());
        assertEquals(doc.get("service").get(0).get("serviceEndpoint"),
                recommended.get("services").get("atproto_pds").get("endpoint"));
        assertEquals("AtprotoPersonalDataServer", recommended.get("services").get("atproto_pds").get("type").asText());
    }

    @Test
    void recommendedCredentialsNeedASession() {
        assertEquals("AuthMissing", pds.get("/xrpc/com.atproto.identity.getRecommendedDidCredentials").error());
    }

    // --- request, sign, submit ---

    @Test
    void aSignedAndSubmittedOperationChangesTheDocumentAndIsAnnounced() throws Exception {
        TestAccounts.SignedUp bob = signUp();
        int identityEventsBefore = (int) events(bob.did().toString()).stream().filter(e -> e.type().equals("#identity")).count();
        ObjectNode changes = withToken(requestCode(bob));
        changes.putArray("alsoKnownAs").add("at://" + bob.handle()).add("https://bob.example.com");
        ObjectNode services = changes.putObject("services");
        services.putObject("atproto_pds").put("type", "AtprotoPersonalDataServer").put("endpoint", pds.server().config().publicUrl());
        services.putObject("bob_feed").put("type", "BskyFeedGenerator").put("endpoint", "https://feed.example.com");

        JsonNode operation = signed(bob, changes);
        JsonNode last = pds.get("/plc/" + bob.did().toString() + "/log/last").json();
        assertEquals("plc_operation", operation.get("type").asText());
        assertEquals(last.get("rotationKeys"), operation.get("rotationKeys"), "unchanged parts are kept");
        assertEquals(last.get("verificationMethods"), operation.get("verificationMethods"));
        assertEquals(pds.get("/plc/" + bob.did().toString() + "/log/audit").json().get(0).get("cid"), operation.get("prev"),
                "the operation follows the latest one");
        assertEquals(last, pds.get("/plc/" + bob.did().toString() + "/log/last").json(), "signing alone submits nothing");

        assertEquals(200, pds.get("/xrpc/com.atproto.identity.resolveDid?did=" + bob.did().toString()).status(), "now in the DID cache");
        var submitted = submit(bob, operation);
        assertEquals(200, submitted.status(), submitted.text());

        JsonNode doc = pds.get("/plc/" + bob.did().toString()).json();
        assertEquals(JSON.createArrayNode().add("at://" + bob.handle()).add("https://bob.example.com"), doc.get("alsoKnownAs"));
        assertEquals(2, doc.get("service").size(), doc.toString());
        JsonNode feed = StreamSupport.stream(doc.get("service").spliterator(), false)
                .filter(service -> service.get("id").asText().equals("#bob_feed")).findFirst().orElseThrow();
        assertEquals("https://feed.example.com", feed.get("serviceEndpoint").asText());
        assertEquals("BskyFeedGenerator", feed.get("type").asText());

        List<SeqTable.Row> identityEvents = events(bob.did().toString()).stream().filter(e -> e.type().equals("#identity")).toList();
        assertEquals(identityEventsBefore + 1, identityEvents.size(), "one #identity event for the change");
        var body = (DataValue.MapValue) DagCbor.decode(identityEvents.getLast().body());
        assertEquals(Optional.of(bob.did().toString()), body.text("did"));

        var resolved = pds.get("/xrpc/com.atproto.identity.resolveDid?did=" + bob.did().toString());
        assertEquals(doc, resolved.json().get("didDoc"), "the DID cache does not serve the old document");
    }

    @Test
    void theOfficialPlcLibraryAcceptsTheWholeLogWithTheSignedOperations() throws Exception {
        TestAccounts.SignedUp carol = signUp();
        KeyPair extraRotationKey = KeyPair.generate(Curve.P256, RANDOM);
        ObjectNode first = withToken(requestCode(carol));
        first.putArray("rotationKeys").add(extraRotationKey.publicKey().didKey()).add(serverRotationKey());
        assertEquals(200, submit(carol, signed(carol, first)).status());
        ObjectNode second = withToken(requestCode(carol));
        second.putArray("alsoKnownAs").add("at://" + carol.handle()).add("https://carol.example.com");
        assertEquals(200, submit(carol, signed(carol, second)).status());

        JsonNode log = pds.get("/plc/" + carol.did().toString() + "/log").json();
        assertEquals(3, log.size(), "genesis and two signed operations");
        ObjectNode input = JSON.createObjectNode().put("did", carol.did().toString());
        input.set("ops", log);
        Path file = Files.writeString(pds.dataDir().resolve("log-" + carol.did().toString().substring(8) + ".json"), JSON.writeValueAsString(input));
        JsonNode verdict = OfficialPackages.locate("plc-interop.mjs", "@did-plc/lib").run("verify-log", file.toString());
        assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
        JsonNode data = verdict.get("data");
        assertEquals(JSON.createArrayNode().add(extraRotationKey.publicKey().didKey()).add(serverRotationKey()),
                data.get("rotationKeys"));
        assertEquals("https://carol.example.com", data.get("alsoKnownAs").get(1).asText());
    }

    @Test
    void aCodeIsUsedUpBySigning() throws Exception {
        TestAccounts.SignedUp dave = signUp();
        String code = requestCode(dave);
        signed(dave, withToken(code.toLowerCase()));
        assertEquals(Optional.empty(), storedCode(dave.did().toString()));
        var again = sign(dave, withToken(code));
        assertEquals(400, again.status());
        assertEquals("InvalidToken", again.error());
        assertEquals("Token is invalid", again.json().get("message").asText());
    }

    @Test
    void wrongMissingAndExpiredCodesAreRefusedByName() throws Exception {
        TestAccounts.SignedUp erin = signUp();
        String code = requestCode(erin);
        var wrong = sign(erin, withToken("AAAAA-AAAAA"));
        assertEquals(400, wrong.status());
        assertEquals("InvalidToken", wrong.error());

        var missing = sign(erin, JSON.createObjectNode());
        assertEquals("InvalidRequest", missing.error());
        assertEquals("email confirmation token required to sign PLC operations", missing.json().get("message").asText());

        TestAccounts.SignedUp frank = signUp();
        String franks = requestCode(frank);
        assertEquals("InvalidToken", sign(erin, withToken(franks)).error(), "a code is its own account's");

        clock.advance(Duration.ofMinutes(15));
        var expired = sign(erin, withToken(code));
        assertEquals(400, expired.status());
        assertEquals("ExpiredToken", expired.error());
        assertEquals("Token is expired", expired.json().get("message").asText());
    }

    @Test
    void anAppPasswordSessionCannotAskForOrUseACode() {
        TestAccounts.SignedUp gina = signUp();
        var created = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"client\"}", gina.auth());
        assertEquals(200, created.status(), created.text());
        var session = pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + gina.handle() + "\",\"password\":\"" + created.json().get("password").asText() + "\"}");
        String[] appAuth = {"Authorization", "Bearer " + session.json().get("accessJwt").asText()};
        var request = pds.post("/xrpc/com.atproto.identity.requestPlcOperationSignature", "", appAuth);
        assertEquals("InvalidToken", request.error());
        assertEquals("InvalidToken", pds.post("/xrpc/com.atproto.identity.signPlcOperation", "{\"token\":\"AAAAA-AAAAA\"}",
                appAuth).error());
        assertEquals(200, pds.get("/xrpc/com.atproto.identity.getRecommendedDidCredentials", appAuth).status(),
                "reading the recommendation is open to app passwords, as in the official PDS");
    }

    // --- what submitPlcOperation refuses ---

    @Test
    void anOperationWithoutTheServersRotationKeyIsRefused() throws Exception {
        TestAccounts.SignedUp hank = signUp();
        ObjectNode changes = withToken(requestCode(hank));
        changes.putArray("rotationKeys").add(KeyPair.generate(Curve.K256, RANDOM).publicKey().didKey());
        JsonNode before = pds.get("/plc/" + hank.did().toString()).json();
        int eventsBefore = events(hank.did().toString()).size();

        var r = submit(hank, signed(hank, changes));
        assertEquals(400, r.status());
        assertEquals("InvalidRequest", r.error());
        assertEquals("Rotation keys do not include server's rotation key", r.json().get("message").asText());
        assertEquals(before, pds.get("/plc/" + hank.did().toString()).json(), "nothing reached the directory");
        assertEquals(eventsBefore, events(hank.did().toString()).size(), "nothing was announced");
    }

    @Test
    void operationsThatWouldBreakTheAccountHereAreRefusedWithTheOfficialMessages() throws Exception {
        TestAccounts.SignedUp ivy = signUp();
        String url = pds.server().config().publicUrl();
        Map<String, ObjectNode> cases = Map.of(
                "Incorrect type on atproto_pds service", services("Other", url),
                "Incorrect endpoint on atproto_pds service", services("AtprotoPersonalDataServer", "https://elsewhere.example.com"),
                "Incorrect handle in alsoKnownAs", aliases("https://ivy.example.com", "at://" + ivy.handle()),
                "Incorrect signing key", signingKey(KeyPair.generate(Curve.K256, RANDOM).publicKey().didKey()));
        for (var c : cases.entrySet()) {
            ObjectNode changes = c.getValue().put("token", requestCode(ivy));
            var r = submit(ivy, signed(ivy, changes));
            assertEquals("InvalidRequest", r.error(), c.getKey());
            assertEquals(c.getKey(), r.json().get("message").asText());
        }
        assertEquals(1, pds.get("/plc/" + ivy.did().toString() + "/log").json().size(), "only the genesis operation");
    }

    private static ObjectNode services(String type, String endpoint) {
        ObjectNode changes = JSON.createObjectNode();
        changes.putObject("services").putObject("atproto_pds").put("type", type).put("endpoint", endpoint);
        return changes;
    }

    private static ObjectNode aliases(String... uris) {
        ObjectNode changes = JSON.createObjectNode();
        ArrayNode list = changes.putArray("alsoKnownAs");
        for (String uri : uris) list.add(uri);
        return changes;
    }

    private static ObjectNode signingKey(String didKey) {
        ObjectNode changes = JSON.createObjectNode();
        changes.putObject("verificationMethods").put("atproto", didKey);
        return changes;
    }

    @Test
    void somethingThatIsNotASignedOperationIsAnInvalidOperation() {
        TestAccounts.SignedUp jack = signUp();
        JsonNode tombstone = JSON.createObjectNode().put("type", "plc_tombstone").put("prev", "bafyreib").put("sig", "x");
        for (JsonNode op : List.of(JSON.createObjectNode().put("type", "plc_operation"), tombstone, JSON.getNodeFactory().textNode("op"))) {
            var r = submit(jack, op);
            assertEquals("InvalidRequest", r.error(), op.toString());
            assertEquals("Invalid operation", r.json().get("message").asText(), op.toString());
        }
    }

    @Test
    void theDirectoryRefusingAStaleOperationIsAnInvalidRequest() throws Exception {
        TestAccounts.SignedUp kim = signUp();
        JsonNode first = signed(kim, aliases("at://" + kim.handle(), "https://one.example.com").put("token", requestCode(kim)));
        JsonNode second = signed(kim, aliases("at://" + kim.handle(), "https://two.example.com").put("token", requestCode(kim)));
        assertEquals(first.get("prev"), second.get("prev"), "both follow the genesis operation");
        assertEquals(200, submit(kim, first).status());
        var stale = submit(kim, second);
        assertEquals(400, stale.status());
        assertEquals("InvalidRequest", stale.error());
        assertTrue(stale.json().get("message").asText().startsWith("PLC directory refused the operation"), stale.text());
    }

    @Test
    void badChangesAreInvalidRequestsBeforeAnyCodeIsUsed() throws Exception {
        TestAccounts.SignedUp lee = signUp();
        String code = requestCode(lee);
        ObjectNode notStrings = withToken(code);
        notStrings.putArray("alsoKnownAs").add(1);
        ObjectNode badService = withToken(code);
        badService.putObject("services").putObject("atproto_pds").put("type", "AtprotoPersonalDataServer");
        for (ObjectNode body : List.of(notStrings, badService)) {
            assertEquals("InvalidRequest", sign(lee, body).error(), body.toString());
        }
        assertEquals(Optional.of(code), storedCode(lee.did().toString()));
    }

    // --- resolution ---

    @Test
    void resolveDidAndResolveIdentityAnswerForALocalAccount() {
        TestAccounts.SignedUp mona = signUp();
        JsonNode doc = pds.get("/plc/" + mona.did().toString()).json();
        var byDid = pds.get("/xrpc/com.atproto.identity.resolveDid?did=" + mona.did().toString());
        assertEquals(200, byDid.status(), byDid.text());
        assertEquals(doc, byDid.json().get("didDoc"));

        for (String identifier : List.of(mona.did().toString(), mona.handle(), mona.handle().toUpperCase())) {
            var r = pds.get("/xrpc/com.atproto.identity.resolveIdentity?identifier=" + identifier);
            assertEquals(200, r.status(), r.text());
            assertEquals(mona.did().toString(), r.json().get("did").asText());
            assertEquals(mona.handle(), r.json().get("handle").asText(), identifier);
            assertEquals(doc, r.json().get("didDoc"));
        }
        var refreshed = pds.post("/xrpc/com.atproto.identity.refreshIdentity",
                "{\"identifier\":\"" + mona.handle() + "\"}", mona.auth());
        assertEquals(200, refreshed.status(), refreshed.text());
        assertEquals(doc, refreshed.json().get("didDoc"));
    }

    @Test
    void aHandleCountsOnlyWhileTheDocumentClaimsItAndRefreshSeesChangesAtOnce() {
        TestAccounts.SignedUp ned = signUp();
        var before = pds.get("/xrpc/com.atproto.identity.resolveIdentity?identifier=" + ned.did().toString());
        assertEquals(ned.handle(), before.json().get("handle").asText());

        // a change made behind the server's back (submitPlcOperation would refuse it): the document
        // now claims a handle that resolves to nobody
        PlcIdentity plc = pds.server().services().plc();
        Did did = Did.parse(ned.did().toString());
        PlcOperation renamed = plc.client().lastOp(did).nextOperation().orElseThrow().withHandle(Handle.parse("elsewhere.test"));
        plc.submit(did, plc.sign(renamed));

        var refreshed = pds.post("/xrpc/com.atproto.identity.refreshIdentity", "{\"identifier\":\"" + ned.did().toString() + "\"}", ned.auth());
        assertEquals(200, refreshed.status(), refreshed.text());
        assertEquals("handle.invalid", refreshed.json().get("handle").asText());
        assertEquals("at://elsewhere.test", refreshed.json().get("didDoc").get("alsoKnownAs").get(0).asText());
        var byHandle = pds.get("/xrpc/com.atproto.identity.resolveIdentity?identifier=" + ned.handle());
        assertEquals("HandleNotFound", byHandle.error(), "the handle still points to the DID, but the document disowns it");
        assertEquals("AuthMissing", pds.post("/xrpc/com.atproto.identity.refreshIdentity",
                "{\"identifier\":\"" + ned.did().toString() + "\"}").error());
    }

    @Test
    void unknownIdentitiesGetTheLexiconsErrorNames() {
        String unknownDid = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa";
        var did = pds.get("/xrpc/com.atproto.identity.resolveDid?did=" + unknownDid);
        assertEquals(400, did.status());
        assertEquals("DidNotFound", did.error());
        assertEquals("DidNotFound", pds.get("/xrpc/com.atproto.identity.resolveIdentity?identifier=" + unknownDid).error());
        var handle = pds.get("/xrpc/com.atproto.identity.resolveIdentity?identifier=nobody-here.test");
        assertEquals(400, handle.status());
        assertEquals("HandleNotFound", handle.error());
        assertEquals("InvalidRequest", pds.get("/xrpc/com.atproto.identity.resolveDid?did=notadid").error());
        assertFalse(pds.get("/xrpc/com.atproto.identity.resolveDid").json().get("message").asText().isEmpty());
    }
}
