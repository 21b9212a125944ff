package org.auroralocus.server.xrpc.com.atproto.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestAccounts.SignedUp;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The com.atproto.admin methods and the effects of takedowns everywhere, over real HTTP. */
class AdminXrpcTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN_PASSWORD = "admin-secret:with-colon";
    private static final String THINGS = "com.example.thing";

    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of("PDS_ADMIN_PASSWORD", ADMIN_PASSWORD));

    private static String[] admin() {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))};
    }

    private static TestPds.Response get(String nsid, String query, String... headers) {
        return pds.get("/xrpc/" + nsid + (query.isEmpty() ? "" : "?" + query), headers);
    }

    private static TestPds.Response post(String nsid, String json, String... headers) {
        return pds.post("/xrpc/" + nsid, json, headers);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertError(TestPds.Response r, int status, String error) {
        assertEquals(status, r.status(), r.text());
        assertEquals(error, r.error(), r.text());
    }

    private static JsonNode ok(TestPds.Response r) {
        assertEquals(200, r.status(), r.text());
        return r.header("Content-Type").orElse("").contains("json") ? r.json() : null;
    }

    private static JsonNode createRecord(SignedUp user, String json) {
        return ok(post("com.atproto.repo.createRecord",
                "{\"repo\":\"" + user.did() + "\",\"collection\":\"" + THINGS + "\",\"record\":" + json + "}", user.auth()));
    }

    private static String rkey(JsonNode created) {
        String uri = created.get("uri").asText();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static List<SequencedEvent> eventsSince(long seq, Did did) {
        return pds.server().services().sequencer().events(seq, 10_000).stream().filter(e -> e.did().equals(did)).toList();
    }

    private static String login(SignedUp user, boolean allowTakendown) {
        return "{\"identifier\":\"" + user.handle() + "\",\"password\":\"" + PASSWORD + "\",\"allowTakendown\":" + allowTakendown + "}";
    }

    private static void takedown(String subject, boolean applied) {
        JsonNode r = ok(post("com.atproto.admin.updateSubjectStatus", "{\"subject\":" + subject + ",\"takedown\":{\"applied\":"
                + applied + (applied ? ",\"ref\":\"mod-42\"" : "") + "}}", admin()));
        assertEquals(applied, r.get("takedown").get("applied").asBoolean());
    }

    private static String repoRef(Did did) {
        return "{\"$type\":\"com.atproto.admin.defs#repoRef\",\"did\":\"" + did + "\"}";
    }

    @Test
    void adminMethodsNeedTheAdminPassword() {
        SignedUp user = pds.signUp("authuser", PASSWORD);
        String query = "did=" + user.did();
        assertError(get("com.atproto.admin.getAccountInfo", query), 401, "AuthenticationRequired");
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        assertError(get("com.atproto.admin.getAccountInfo", query, "Authorization", wrong), 401, "AuthenticationRequired");
        TestPds.Response asUser = get("com.atproto.admin.getAccountInfo", query, user.auth());
        assertError(asUser, 401, "UntrustedIss");
        assertEquals("Untrusted issuer", asUser.json().get("message").asText());
        assertError(post("com.atproto.server.createInviteCode", "{\"useCount\":1}", user.auth()), 401, "AuthenticationRequired");
        assertError(post("com.atproto.admin.deleteAccount", "{\"did\":\"" + user.did() + "\"}", user.auth()), 401,
                "AuthenticationRequired");
        assertError(post("com.atproto.admin.updateSubjectStatus", "{\"subject\":" + repoRef(user.did())
                + ",\"takedown\":{\"applied\":true}}", "Authorization", wrong), 401, "AuthenticationRequired");

        JsonNode info = ok(get("com.atproto.admin.getAccountInfo", query, admin()));
        assertEquals(user.handle(), info.get("handle").asText());
        assertEquals(user.email(), info.get("email").asText());
        assertError(get("com.atproto.admin.getAccountInfo", "did=" + TestAccounts.randomPlcDid(), admin()), 400, "NotFound");
    }

    @Test
    void aTakenDownAccountsOldSessionCanNeitherUploadNorImportNorSetPreferencesNorHaveMailSent() {
        SignedUp lee = pds.signUp("takelee", PASSWORD);
        takedown(repoRef(lee.did()), true);

        assertError(binary("com.atproto.repo.uploadBlob", "image/png", lee), 401, "AccountTakedown");
        assertError(binary("com.atproto.repo.importRepo", "application/vnd.ipld.car", lee), 401, "AccountTakedown");
        for (String mailing : List.of("com.atproto.server.requestEmailConfirmation", "com.atproto.server.requestEmailUpdate",
                "com.atproto.server.requestAccountDelete")) {
            TestPds.Response r = pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/" + mailing))
                    .header("Authorization", "Bearer " + lee.accessJwt()).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertError(r, 401, "AccountTakedown");
        }
        assertError(post("com.atproto.server.createAppPassword", "{\"name\":\"bot\"}", lee.auth()), 401, "AccountTakedown");
        assertError(post("app.bsky.actor.putPreferences", "{\"preferences\":[]}", lee.auth()), 401, "AccountTakedown");

        takedown(repoRef(lee.did()), false);
        assertEquals(200, binary("com.atproto.repo.uploadBlob", "image/png", lee).status(), "restored, the session works again");
    }

    private static TestPds.Response binary(String nsid, String contentType, SignedUp caller) {
        return pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/" + nsid)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + caller.accessJwt())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build());
    }

    @Test
    void anAccountTakedownAppliesEverywhereAndItsReversalRestoresAll() {
        SignedUp kim = pds.signUp("takekim", PASSWORD);
        String did = kim.did().toString();
        String rkey = rkey(createRecord(kim, "{\"text\":\"before\"}"));
        String head = ok(get("com.atproto.sync.getLatestCommit", "did=" + did)).get("cid").asText();
        long before = pds.server().services().sequencer().head();

        takedown(repoRef(kim.did()), true);

        JsonNode status = ok(get("com.atproto.admin.getSubjectStatus", "did=" + did, admin()));
        assertTrue(status.get("takedown").get("applied").asBoolean());
        assertEquals("mod-42", status.get("takedown").get("ref").asText());
        assertEquals("com.atproto.admin.defs#repoRef", status.get("subject").get("$type").asText());

        // sessions: no login, the old ones neither write nor refresh
        assertError(post("com.atproto.server.createSession", login(kim, false)), 401, "AccountTakedown");
        JsonNode takendown = ok(post("com.atproto.server.createSession", login(kim, true)));
        assertFalse(takendown.get("active").asBoolean());
        assertEquals("takendown", takendown.get("status").asText());
        assertError(post("com.atproto.repo.createRecord", "{\"repo\":\"" + did + "\",\"collection\":\"" + THINGS
                + "\",\"record\":{\"text\":\"after\"}}", kim.auth()), 401, "AccountTakedown");
        assertError(post("com.atproto.repo.createRecord", "{\"repo\":\"" + did + "\",\"collection\":\"" + THINGS
                + "\",\"record\":{\"text\":\"after\"}}", "Authorization", "Bearer " + takendown.get("accessJwt").asText()),
                400, "InvalidToken");
        TestPds.Response refresh = post("com.atproto.server.refreshSession", "", "Authorization", "Bearer " + kim.refreshJwt());
        assertTrue(refresh.status() >= 400, refresh.text());
        assertError(get("com.atproto.server.getSession", "", kim.auth()), 400, "InvalidRequest");
        assertError(post("com.atproto.identity.updateHandle", "{\"handle\":\"kim-new.test\"}", kim.auth()), 401, "AccountTakedown");

        // reads
        assertError(get("com.atproto.repo.describeRepo", "repo=" + did), 400, "RepoTakendown");
        for (String sync : List.of("com.atproto.sync.getRepo?did=" + did, "com.atproto.sync.getLatestCommit?did=" + did,
                "com.atproto.sync.getRecord?did=" + did + "&collection=" + THINGS + "&rkey=" + rkey,
                "com.atproto.sync.getBlocks?did=" + did + "&cids=" + head, "com.atproto.sync.listBlobs?did=" + did,
                "com.atproto.sync.getBlob?did=" + did + "&cid=" + head)) {
            TestPds.Response r = pds.get("/xrpc/" + sync);
            assertError(r, 400, "RepoTakendown");
            assertEquals("Repo has been takendown: " + did, r.json().get("message").asText(), sync);
        }
        TestPds.Response record = get("com.atproto.repo.getRecord", "repo=" + did + "&collection=" + THINGS + "&rkey=" + rkey);
        assertError(record, 400, "InvalidRequest");
        assertEquals("Could not locate record", record.json().get("message").asText());
        TestPds.Response list = get("com.atproto.repo.listRecords", "repo=" + did + "&collection=" + THINGS);
        assertError(list, 400, "InvalidRequest");
        assertEquals("Could not find repo: " + did, list.json().get("message").asText());
        JsonNode repoStatus = ok(get("com.atproto.sync.getRepoStatus", "did=" + did));
        assertFalse(repoStatus.get("active").asBoolean());
        assertEquals("takendown", repoStatus.get("status").asText());
        JsonNode listed = listedRepo(did);
        assertFalse(listed.get("active").asBoolean());
        assertEquals("takendown", listed.get("status").asText());

        // the handle
        assertError(get("com.atproto.identity.resolveHandle", "handle=" + kim.handle()), 400, "HandleNotFound");
        assertEquals(404, pds.get("/.well-known/atproto-did", "Host", kim.handle()).status());
        // the administrator still sees it
        assertEquals(kim.handle(), ok(get("com.atproto.admin.getAccountInfo", "did=" + did, admin())).get("handle").asText());

        // firehose: #account takendown, and nothing after it
        List<SequencedEvent> events = eventsSince(before, kim.did());
        assertEquals(List.of("#account"), events.stream().map(SequencedEvent::type).toList());
        assertEquals(java.util.Optional.of("takendown"), events.getFirst().body().text("status"));
        assertEquals(DataValue.of(false), events.getFirst().body().get("active").orElseThrow());

        // reversal
        long reversed = pds.server().services().sequencer().head();
        takedown(repoRef(kim.did()), false);
        JsonNode session = ok(post("com.atproto.server.createSession", login(kim, false)));
        assertTrue(session.get("active").asBoolean());
        String[] auth = {"Authorization", "Bearer " + session.get("accessJwt").asText()};
        ok(post("com.atproto.repo.createRecord", "{\"repo\":\"" + did + "\",\"collection\":\"" + THINGS
                + "\",\"record\":{\"text\":\"back\"}}", auth));
        ok(get("com.atproto.repo.describeRepo", "repo=" + did));
        ok(get("com.atproto.repo.getRecord", "repo=" + did + "&collection=" + THINGS + "&rkey=" + rkey));
        ok(get("com.atproto.sync.getRepo", "did=" + did));
        assertTrue(ok(get("com.atproto.sync.getRepoStatus", "did=" + did)).get("active").asBoolean());
        assertTrue(listedRepo(did).get("active").asBoolean());
        assertEquals(did, ok(get("com.atproto.identity.resolveHandle", "handle=" + kim.handle())).get("did").asText());
        assertEquals(did, pds.get("/.well-known/atproto-did", "Host", kim.handle()).text());
        List<SequencedEvent> after = eventsSince(reversed, kim.did());
        assertEquals(List.of("#account", "#commit"), after.stream().map(SequencedEvent::type).toList());
        assertEquals(DataValue.of(true), after.getFirst().body().get("active").orElseThrow());
        assertFalse(ok(get("com.atproto.admin.getSubjectStatus", "did=" + did, admin())).get("takedown").get("applied").asBoolean());
    }

    private static JsonNode listedRepo(String did) {
        for (JsonNode repo : ok(get("com.atproto.sync.listRepos", "limit=1000")).get("repos")) {
            if (repo.get("did").asText().equals(did)) return repo;
        }
        throw new AssertionError("not listed: " + did);
    }

    @Test
    void aRecordTakedownHidesThatRecordOnly() {
        SignedUp lee = pds.signUp("reclee", PASSWORD);
        String did = lee.did().toString();
        JsonNode hidden = createRecord(lee, "{\"text\":\"bad\"}");
        JsonNode kept = createRecord(lee, "{\"text\":\"fine\"}");
        String strongRef = "{\"$type\":\"com.atproto.repo.strongRef\",\"uri\":\"" + hidden.get("uri").asText()
                + "\",\"cid\":\"" + hidden.get("cid").asText() + "\"}";
        takedown(strongRef, true);

        String getHidden = "repo=" + did + "&collection=" + THINGS + "&rkey=" + rkey(hidden);
        assertError(get("com.atproto.repo.getRecord", getHidden), 400, "RecordNotFound");
        ok(get("com.atproto.repo.getRecord", "repo=" + did + "&collection=" + THINGS + "&rkey=" + rkey(kept)));
        JsonNode records = ok(get("com.atproto.repo.listRecords", "repo=" + did + "&collection=" + THINGS)).get("records");
        assertEquals(1, records.size());
        assertEquals(kept.get("uri").asText(), records.get(0).get("uri").asText());
        JsonNode status = ok(get("com.atproto.admin.getSubjectStatus", "uri=" + q(hidden.get("uri").asText()), admin()));
        assertEquals(hidden.get("cid").asText(), status.get("subject").get("cid").asText());
        assertTrue(status.get("takedown").get("applied").asBoolean());
        // the account itself is untouched
        ok(get("com.atproto.sync.getRepo", "did=" + did));
        assertTrue(ok(get("com.atproto.sync.getRepoStatus", "did=" + did)).get("active").asBoolean());

        takedown(strongRef, false);
        ok(get("com.atproto.repo.getRecord", getHidden));
        assertEquals(2, ok(get("com.atproto.repo.listRecords", "repo=" + did + "&collection=" + THINGS)).get("records").size());
    }

    @Test
    void aBlobTakedownStopsServingThatBlob() {
        SignedUp max = pds.signUp("blobmax", PASSWORD);
        byte[] bytes = "some text bytes".getBytes(StandardCharsets.UTF_8);
        JsonNode blob = ok(pds.send(HttpRequest.newBuilder(pds.uri("/xrpc/com.atproto.repo.uploadBlob"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + max.accessJwt())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build())).get("blob");
        createRecord(max, "{\"text\":\"with a blob\",\"file\":" + blob + "}");
        String cid = blob.get("ref").get("$link").asText();
        String getBlob = "did=" + max.did() + "&cid=" + cid;
        ok(get("com.atproto.sync.getBlob", getBlob));

        String ref = "{\"$type\":\"com.atproto.admin.defs#repoBlobRef\",\"did\":\"" + max.did() + "\",\"cid\":\"" + cid + "\"}";
        takedown(ref, true);
        TestPds.Response refused = get("com.atproto.sync.getBlob", getBlob);
        assertError(refused, 400, "InvalidRequest");
        assertEquals("Blob not found", refused.json().get("message").asText());
        assertTrue(ok(get("com.atproto.admin.getSubjectStatus", getBlob.replace("cid=", "blob="), admin()))
                .get("takedown").get("applied").asBoolean());
        ok(get("com.atproto.sync.getRepo", "did=" + max.did()));

        takedown(ref, false);
        assertEquals("some text bytes", get("com.atproto.sync.getBlob", getBlob).text());
    }

    @Test
    void adminDeletionRemovesTheAccountAndAnnouncesIt() {
        SignedUp ned = pds.signUp("delned", PASSWORD);
        ok(post("com.atproto.admin.deleteAccount", "{\"did\":\"" + ned.did() + "\"}", admin()));
        assertError(get("com.atproto.sync.getRepoStatus", "did=" + ned.did()), 400, "RepoNotFound");
        assertError(post("com.atproto.server.createSession", login(ned, false)), 401, "AuthenticationRequired");
        SequencedEvent last = eventsSince(0, ned.did()).getLast();
        assertEquals("#account", last.type());
        assertEquals(java.util.Optional.of("deleted"), last.body().text("status"));
    }

    @Test
    void accountChangesBySearchAndUpdate() {
        SignedUp oli = pds.signUp("searcholi", PASSWORD);
        JsonNode found = ok(get("com.atproto.admin.searchAccounts", "email=" + q(oli.email()), admin()));
        assertEquals(1, found.get("accounts").size());
        assertEquals(oli.did().toString(), found.get("accounts").get(0).get("did").asText());

        ok(post("com.atproto.admin.updateAccountHandle", "{\"did\":\"" + oli.did() + "\",\"handle\":\"oli.example.org\"}", admin()));
        ok(post("com.atproto.admin.updateAccountEmail", "{\"account\":\"oli.example.org\",\"email\":\"oli2@example.com\"}", admin()));
        ok(post("com.atproto.admin.updateAccountPassword", "{\"did\":\"" + oli.did() + "\",\"password\":\"fresh password\"}", admin()));
        JsonNode infos = ok(get("com.atproto.admin.getAccountInfos", "dids=" + oli.did() + "&dids=" + TestAccounts.randomPlcDid(), admin()));
        assertEquals(1, infos.get("infos").size());
        assertEquals("oli.example.org", infos.get("infos").get(0).get("handle").asText());
        assertEquals("oli2@example.com", infos.get("infos").get(0).get("email").asText());
        ok(post("com.atproto.server.createSession", "{\"identifier\":\"oli2@example.com\",\"password\":\"fresh password\"}"));
        assertTrue(ok(post("com.atproto.admin.sendEmail", "{\"recipientDid\":\"" + oli.did() + "\",\"senderDid\":\""
                + oli.did() + "\",\"content\":\"hello\"}", admin())).get("sent").asBoolean());
    }
}
