package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.interop.OfficialPackages;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Signing up as a client does it: createAccount over HTTP, then everything a relay and a resolver would check. */
class CreateAccountXrpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of());

    private static TestPds.Response signUp(String handle, String email) {
        return pds.post("/xrpc/com.atproto.server.createAccount",
                "{\"handle\":\"" + handle + "\",\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
    }

    private static String login(String identifier) {
        var r = pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + identifier + "\",\"password\":\"correct horse\"}");
        assertEquals(200, r.status(), r.text());
        return r.json().get("accessJwt").asText();
    }

    @Test
    void aNewAccountCanLogInByHandleEmailAndDid() {
        var r = signUp("Carol.test", "carol@example.com");
        assertEquals(200, r.status(), r.text());
        assertEquals("carol.test", r.json().get("handle").asText(), "handles are normalized to lower case");
        String did = r.json().get("did").asText();
        assertTrue(did.startsWith("did:plc:"));
        for (String id : List.of("carol.test", "carol@example.com", did)) {
            var session = pds.get("/xrpc/com.atproto.server.getSession", "Authorization", "Bearer " + login(id));
            assertEquals(did, session.json().get("did").asText());
        }
        var withSignUpToken = pds.get("/xrpc/com.atproto.server.getSession",
                "Authorization", "Bearer " + r.json().get("accessJwt").asText());
        assertEquals(200, withSignUpToken.status());
    }

    @Test
    void theDidDocumentNamesTheSigningKeyHandleAndThisServer() {
        var r = signUp("dave.test", "dave@example.com");
        Did did = Did.parse(r.json().get("did").asText());
        JsonNode doc = pds.get("/plc/" + did).json();
        assertEquals(r.json().get("didDoc"), doc, "createAccount answers the document the directory serves");
        assertEquals(did.toString(), doc.get("id").asText());
        assertEquals("at://dave.test", doc.get("alsoKnownAs").get(0).asText());
        JsonNode method = doc.get("verificationMethod").get(0);
        assertEquals(did + "#atproto", method.get("id").asText());
        assertEquals("Multikey", method.get("type").asText());
        String signingKey = pds.server().services().actors().signingKey(did).publicKey().multikey();
        assertEquals(signingKey, method.get("publicKeyMultibase").asText());
        JsonNode service = doc.get("service").get(0);
        assertEquals("#atproto_pds", service.get("id").asText());
        assertEquals("AtprotoPersonalDataServer", service.get("type").asText());
        assertEquals(pds.server().config().publicUrl(), service.get("serviceEndpoint").asText());
    }

    @Test
    void theOfficialPlcLibraryAcceptsTheGenesisAndEveryLaterOperation() throws Exception {
        var r = signUp("erin.test", "erin@example.com");
        String did = r.json().get("did").asText();
        String token = r.json().get("accessJwt").asText();
        var renamed = pds.post("/xrpc/com.atproto.identity.updateHandle", "{\"handle\":\"erin2.test\"}",
                "Authorization", "Bearer " + token);
        assertEquals(200, renamed.status(), renamed.text());

        JsonNode log = pds.get("/plc/" + did + "/log").json();
        assertEquals(2, log.size(), "genesis and the handle change");
        ObjectNode input = JSON.createObjectNode().put("did", did);
        input.set("ops", log);
        Path file = Files.writeString(pds.dataDir().resolve("log-" + did.substring(8) + ".json"), JSON.writeValueAsString(input));
        JsonNode verdict = OfficialPackages.locate("plc-interop.mjs", "@did-plc/lib").run("verify-log", file.toString());
        assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
        assertEquals(did, verdict.get("derivedDid").asText(), "@did-plc/lib derives the same DID from our genesis");
        assertEquals("at://erin2.test", verdict.get("data").get("alsoKnownAs").get(0).asText());
    }

    @Test
    void handleChangesReachResolutionWellKnownAndTheDidDocumentAtOnce() {
        var r = signUp("frank.test", "frank@example.com");
        String did = r.json().get("did").asText();
        assertEquals(did, pds.get("/xrpc/com.atproto.identity.resolveHandle?handle=frank.test").json().get("did").asText());
        assertEquals(did, pds.get("/.well-known/atproto-did", "Host", "frank.test").text());

        var renamed = pds.post("/xrpc/com.atproto.identity.updateHandle", "{\"handle\":\"frankie.test\"}",
                "Authorization", "Bearer " + r.json().get("accessJwt").asText());
        assertEquals(200, renamed.status(), renamed.text());
        assertEquals(did, pds.get("/xrpc/com.atproto.identity.resolveHandle?handle=frankie.test").json().get("did").asText());
        assertEquals(did, pds.get("/.well-known/atproto-did", "Host", "frankie.test").text());
        assertEquals("at://frankie.test", pds.get("/plc/" + did).json().get("alsoKnownAs").get(0).asText());
        var old = pds.get("/.well-known/atproto-did", "Host", "frank.test");
        assertEquals(404, old.status());
        assertEquals("User not found", old.text());
        assertEquals("HandleNotFound", pds.get("/xrpc/com.atproto.identity.resolveHandle?handle=frank.test").error());
    }

    @Test
    void signUpIsAnnouncedInTheOfficialOrder() throws Exception {
        var r = signUp("grace.test", "grace@example.com");
        String did = r.json().get("did").asText();
        List<SeqTable.Row> events = pds.server().services().sequencer().after(0, 1000).stream()
                .filter(e -> e.did().equals(did)).toList();
        assertEquals(List.of("#identity", "#account", "#commit", "#sync"), events.stream().map(SeqTable.Row::type).toList());
        for (int i = 1; i < events.size(); i++) assertEquals(events.get(i - 1).seq() + 1, events.get(i).seq(), "gapless");

        var identity = (DataValue.MapValue) DagCbor.decode(events.get(0).body());
        assertEquals("grace.test", identity.text("handle").orElseThrow());
        var account = (DataValue.MapValue) DagCbor.decode(events.get(1).body());
        assertEquals(DataValue.of(true), account.get("active").orElseThrow());
        var commit = (DataValue.MapValue) DagCbor.decode(events.get(2).body());
        assertEquals(DataValue.list(List.of()), commit.get("ops").orElseThrow());
        assertEquals(DataValue.ofNull(), commit.get("since").orElseThrow());
        assertFalse(commit.entries().containsKey("prevData"), "no prevData on the first commit");

        var sync = (DataValue.MapValue) DagCbor.decode(events.get(3).body());
        byte[] car = ((DataValue.BytesValue) sync.get("blocks").orElseThrow()).value();
        CarContents contents = CarReader.readAll(new ByteArrayInputStream(car));
        assertEquals(1, contents.blocks().size(), "a #sync carries just the signed commit");
        Commit signed = Commit.parse(contents.blocks().require(contents.roots().get(0)));
        Did account1 = Did.parse(did);
        assertTrue(signed.verify(pds.server().services().actors().signingKey(account1).publicKey()));
        assertEquals(commit.get("commit").orElseThrow(), DataValue.of(contents.roots().get(0)));
    }

    @Test
    void badSignUpsGetTheLexiconsErrorNames() {
        signUp("henry.test", "henry@example.com");
        assertEquals("HandleNotAvailable", signUp("henry.test", "other@example.com").error());
        assertEquals("HandleNotAvailable", signUp("admin.test", "admin@example.com").error(), "reserved names");
        assertEquals("InvalidHandle", signUp("a_b.test", "ab@example.com").error());
        assertEquals("InvalidHandle", signUp("ab.test", "ab@example.com").error(), "too short");
        assertEquals("UnsupportedDomain", signUp("ivy.example.com", "ivy@example.com").error());
        var noEmail = pds.post("/xrpc/com.atproto.server.createAccount", "{\"handle\":\"jack.test\",\"password\":\"x\"}");
        assertEquals("InvalidRequest", noEmail.error());
        assertEquals("Email is required", noEmail.json().get("message").asText());
        var emailTaken = signUp("kate.test", "henry@example.com");
        assertEquals(400, emailTaken.status());
        assertEquals("Email already taken: henry@example.com", emailTaken.json().get("message").asText());
    }

    @Test
    void refusedSignUpsLeaveNoRepositoryBehind() throws Exception {
        long before = actorFolders();
        signUp("liam.test", "liam@example.com");
        assertEquals(before + 1, actorFolders());
        signUp("liam.test", "liam2@example.com");
        signUp("x.test", "x@example.com");
        assertEquals(before + 1, actorFolders());
    }

    private static long actorFolders() throws Exception {
        Path actors = pds.server().config().dataDirectory().resolve("actors");
        if (!Files.exists(actors)) return 0;
        try (Stream<Path> s = Files.walk(actors, 2)) {
            return s.filter(p -> actors.relativize(p).getNameCount() == 2).count();
        }
    }

    @Test
    void anInviteIsRequiredWhenTheServerSaysSo(@TempDir Path other) {
        try (TestPds invited = TestPds.start(other, Map.of("PDS_INVITE_REQUIRED", "true"))) {
            assertTrue(invited.get("/xrpc/com.atproto.server.describeServer").json().get("inviteCodeRequired").asBoolean());
            var none = invited.post("/xrpc/com.atproto.server.createAccount",
                    "{\"handle\":\"mia.test\",\"email\":\"mia@example.com\",\"password\":\"pw\"}");
            assertEquals("InvalidInviteCode", none.error());
            var bad = invited.post("/xrpc/com.atproto.server.createAccount",
                    "{\"handle\":\"mia.test\",\"email\":\"mia@example.com\",\"password\":\"pw\",\"inviteCode\":\"nope-nope\"}");
            assertEquals("InvalidInviteCode", bad.error());
        }
    }
}
