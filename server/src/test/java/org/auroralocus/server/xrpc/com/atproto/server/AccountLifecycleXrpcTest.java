package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.auroralocus.atproto.car.CarContents;
import org.auroralocus.atproto.car.CarReader;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DagCbor;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.crypto.Curve;
import org.auroralocus.atproto.crypto.KeyPair;
import org.auroralocus.atproto.identity.plc.PlcClient;
import org.auroralocus.atproto.identity.plc.PlcOperation;
import org.auroralocus.atproto.repo.Commit;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.PdsExtension;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.sequencer.db.SeqTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An account's life after sign-up, as a client and a relay see it over real HTTP: its status
 * report, deactivation and activation with their firehose events, and deletion with a mailed code.
 * Accounts are made with createAccount; the server's clock moves only when a test moves it.
 */
class AccountLifecycleXrpcTest {
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger NEXT = new AtomicInteger();

    static final TestClock clock = TestClock.startingNow();
    @RegisterExtension static final PdsExtension pds = PdsExtension.withSettings(Map.of(), clock);

    private static TestAccounts.SignedUp signUp() {
        return pds.signUp("life", PASSWORD);
    }

    private static TestPds.Response call(String nsid, TestAccounts.SignedUp user) {
        return pds.post("/xrpc/" + nsid, "{}", user.auth());
    }

    private static TestPds.Response login(String identifier, String password) {
        return pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\"}");
    }

    private static JsonNode status(TestAccounts.SignedUp user) {
        var r = pds.get("/xrpc/com.atproto.server.checkAccountStatus", user.auth());
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    private static List<SeqTable.Row> events(Did did, long after) {
        return pds.server().services().sequencer().after(after, 100_000).stream()
                .filter(e -> e.did().equals(did.toString())).toList();
    }

    private static long lastSeq() {
        List<SeqTable.Row> all = pds.server().services().sequencer().after(0, 100_000);
        return all.isEmpty() ? 0 : all.getLast().seq();
    }

    private static DataValue.MapValue body(SeqTable.Row event) {
        return (DataValue.MapValue) DagCbor.decode(event.body());
    }

    // --- checkAccountStatus ---

    @Test
    void aNewAccountReportsItsFirstCommitAndADidPointingHere() throws IOException {
        TestAccounts.SignedUp alice = signUp();
        JsonNode status = status(alice);

        SeqTable.Row commitEvent = events(alice.did(), 0).stream().filter(e -> e.type().equals("#commit")).findFirst()
                .orElseThrow();
        DataValue.MapValue commit = body(commitEvent);
        assertTrue(status.get("activated").asBoolean());
        assertTrue(status.get("validDid").asBoolean());
        assertEquals(commit.get("commit").orElseThrow(), DataValue.of(Cid.parse(status.get("repoCommit").asText())));
        assertEquals(commit.text("rev").orElseThrow(), status.get("repoRev").asText());
        byte[] car = ((DataValue.BytesValue) commit.get("blocks").orElseThrow()).value();
        int blocksInFirstCommit = CarReader.readAll(new ByteArrayInputStream(car)).blocks().size();
        assertEquals(blocksInFirstCommit, status.get("repoBlocks").asInt(), "the first commit's blocks are all there is");
        for (String zero : List.of("indexedRecords", "privateStateValues", "expectedBlobs", "importedBlobs")) {
            assertTrue(status.get(zero).isIntegralNumber(), zero);
            assertEquals(0, status.get(zero).asInt(), zero);
        }
    }

    @Test
    void theDidIsInvalidWhileItsDocumentNamesAnotherServerOrKey() {
        TestAccounts.SignedUp bob = signUp();
        PlcClient plc = pds.server().services().plc().client();
        KeyPair serverRotationKey = KeyPair.fromHex(Curve.K256,
                pds.server().config().secrets().plcRotationKeyHex().value());
        PlcOperation current = plc.lastOp(bob.did()).nextOperation().orElseThrow();

        plc.submit(bob.did(), current.withPdsEndpoint("https://elsewhere.example.com").sign(serverRotationKey));
        assertFalse(status(bob).get("validDid").asBoolean());
        var refused = call("com.atproto.server.activateAccount", bob);
        assertEquals(400, refused.status());
        assertEquals("InvalidRequest", refused.error());
        assertEquals("DID document atproto_pds service endpoint does not match PDS public url",
                refused.json().get("message").asText());

        PlcOperation moved = plc.lastOp(bob.did()).nextOperation().orElseThrow()
                .withPdsEndpoint(pds.server().config().publicUrl())
                .withSigningKey(KeyPair.generate(Curve.K256, new SecureRandom()).publicKey());
        plc.submit(bob.did(), moved.sign(serverRotationKey));
        assertFalse(status(bob).get("validDid").asBoolean());
        assertEquals("DID document verification method does not match expected signing key",
                call("com.atproto.server.activateAccount", bob).json().get("message").asText());

        PlcOperation back = plc.lastOp(bob.did()).nextOperation().orElseThrow()
                .withSigningKey(pds.server().services().actors().signingKey(bob.did()).publicKey());
        plc.submit(bob.did(), back.sign(serverRotationKey));
        assertTrue(status(bob).get("validDid").asBoolean());
        assertEquals(200, call("com.atproto.server.activateAccount", bob).status());
    }

    @Test
    void statusNeedsASessionButAnAppPasswordWillDo() {
        TestAccounts.SignedUp carol = signUp();
        assertEquals("AuthMissing", pds.get("/xrpc/com.atproto.server.checkAccountStatus").error());
        String appToken = appPasswordSession(carol);
        var r = pds.get("/xrpc/com.atproto.server.checkAccountStatus", "Authorization", "Bearer " + appToken);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.json().get("activated").asBoolean());
    }

    // --- deactivation and activation ---

    @Test
    void aDeactivatedAccountSaysSoInSessionsStatusAndOnTheFirehose() {
        TestAccounts.SignedUp dan = signUp();
        long before = lastSeq();
        var r = pds.post("/xrpc/com.atproto.server.deactivateAccount", "{\"deleteAfter\":\"2030-01-01T00:00:00.000Z\"}",
                dan.auth());
        assertEquals(200, r.status(), r.text());

        JsonNode session = pds.get("/xrpc/com.atproto.server.getSession", dan.auth()).json();
        assertFalse(session.get("active").asBoolean());
        assertEquals("deactivated", session.get("status").asText());
        var login = login(dan.handle(), PASSWORD);
        assertEquals(200, login.status(), "a deactivated account can still log in (to activate again)");
        assertFalse(login.json().get("active").asBoolean());
        assertEquals("deactivated", login.json().get("status").asText());
        assertFalse(status(dan).get("activated").asBoolean());

        List<SeqTable.Row> events = events(dan.did(), before);
        assertEquals(List.of("#account"), events.stream().map(SeqTable.Row::type).toList());
        DataValue.MapValue account = body(events.getFirst());
        assertEquals(dan.did().toString(), account.text("did").orElseThrow());
        assertEquals(DataValue.of(false), account.get("active").orElseThrow());
        assertEquals("deactivated", account.text("status").orElseThrow());
    }

    @Test
    void deactivationTakesAnEmptyBodyAndRefusesABadDate() {
        TestAccounts.SignedUp erin = signUp();
        var bad = pds.post("/xrpc/com.atproto.server.deactivateAccount", "{\"deleteAfter\":\"next week\"}", erin.auth());
        assertEquals(400, bad.status());
        assertEquals("InvalidRequest", bad.error());
        assertTrue(status(erin).get("activated").asBoolean(), "a refused request changes nothing");
        assertEquals(200, call("com.atproto.server.deactivateAccount", erin).status());
        assertEquals(200, call("com.atproto.server.deactivateAccount", erin).status(), "again is harmless");
    }

    @Test
    void activationAnnouncesAccountIdentityAndTheCurrentCommitEachTime() throws IOException {
        TestAccounts.SignedUp fay = signUp();
        call("com.atproto.server.deactivateAccount", fay);
        String commit = status(fay).get("repoCommit").asText();
        for (int round = 0; round < 2; round++) {
            long before = lastSeq();
            var r = call("com.atproto.server.activateAccount", fay);
            assertEquals(200, r.status(), r.text());

            List<SeqTable.Row> events = events(fay.did(), before);
            assertEquals(List.of("#account", "#identity", "#sync"), events.stream().map(SeqTable.Row::type).toList(),
                    "round " + round);
            DataValue.MapValue account = body(events.get(0));
            assertEquals(DataValue.of(true), account.get("active").orElseThrow());
            assertFalse(account.entries().containsKey("status"));
            assertEquals(fay.handle(), body(events.get(1)).text("handle").orElseThrow());
            DataValue.MapValue sync = body(events.get(2));
            assertEquals(status(fay).get("repoRev").asText(), sync.text("rev").orElseThrow());
            CarContents car = CarReader.readAll(new ByteArrayInputStream(
                    ((DataValue.BytesValue) sync.get("blocks").orElseThrow()).value()));
            assertEquals(commit, car.roots().getFirst().toString());
            assertEquals(1, car.blocks().size(), "just the signed commit");
            Commit signed = Commit.parse(car.blocks().require(car.roots().getFirst()));
            assertTrue(signed.verify(pds.server().services().actors().signingKey(fay.did()).publicKey()));

            JsonNode session = pds.get("/xrpc/com.atproto.server.getSession", fay.auth()).json();
            assertTrue(session.get("active").asBoolean());
            assertFalse(session.has("status"));
        }
    }

    @Test
    void appPasswordSessionsCannotChangeTheAccountsLife() {
        TestAccounts.SignedUp gus = signUp();
        String[] appAuth = {"Authorization", "Bearer " + appPasswordSession(gus)};
        for (String nsid : List.of("activateAccount", "deactivateAccount", "requestAccountDelete")) {
            var r = pds.post("/xrpc/com.atproto.server." + nsid, "{}", appAuth);
            assertEquals(400, r.status(), nsid);
            assertEquals("InvalidToken", r.error(), nsid);
            assertEquals("Bad token scope", r.json().get("message").asText(), nsid);
            var anonymous = pds.post("/xrpc/com.atproto.server." + nsid, "{}");
            assertEquals(401, anonymous.status(), nsid);
            assertEquals("AuthMissing", anonymous.error(), nsid);
        }
        assertTrue(status(gus).get("activated").asBoolean());
        assertTrue(emailToken(gus.did()).isEmpty());
    }

    @Test
    void aTakenDownAccountMayDeactivateButNotActivate() {
        TestAccounts.SignedUp hal = signUp();
        pds.server().accounts().updateTakedown(hal.did(), Optional.of("ref-1"));
        var login = pds.post("/xrpc/com.atproto.server.createSession", "{\"identifier\":\"" + hal.handle()
                + "\",\"password\":\"" + PASSWORD + "\",\"allowTakendown\":true}");
        assertEquals(200, login.status(), login.text());
        String[] takendownAuth = {"Authorization", "Bearer " + login.json().get("accessJwt").asText()};

        long before = lastSeq();
        assertEquals(200, pds.post("/xrpc/com.atproto.server.deactivateAccount", "{}", takendownAuth).status());
        DataValue.MapValue account = body(events(hal.did(), before).getFirst());
        assertEquals(DataValue.of(false), account.get("active").orElseThrow());
        assertEquals("takendown", account.text("status").orElseThrow(), "a takedown outranks a deactivation");

        assertEquals("InvalidToken", pds.post("/xrpc/com.atproto.server.activateAccount", "{}", takendownAuth).error());
        var stale = call("com.atproto.server.activateAccount", hal);
        assertEquals(400, stale.status(), "the sign-up token still verifies, but the account is down");
        assertEquals("AccountNotFound", stale.error());
        var request = call("com.atproto.server.requestAccountDelete", hal);
        assertEquals(401, request.status());
        assertEquals("AccountTakedown", request.error());
    }

    // --- deletion ---

    @Test
    void deletionNeedsTheOwnPasswordAndTheMailedCodeThenLeavesNothing() throws IOException {
        TestAccounts.SignedUp ivy = signUp();
        String appPassword = createAppPassword(ivy);
        assertEquals(200, call("com.atproto.server.requestAccountDelete", ivy).status());
        String code = emailToken(ivy.did()).orElseThrow();
        assertTrue(code.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"), code);

        var wrongPassword = delete(ivy.did().toString(), "not the password", code);
        assertEquals(401, wrongPassword.status());
        assertEquals("AuthenticationRequired", wrongPassword.error());
        assertEquals("Invalid did or password", wrongPassword.json().get("message").asText());
        assertEquals("AuthenticationRequired", delete(ivy.did().toString(), appPassword, code).error(),
                "an app password cannot delete the account");
        var wrongCode = delete(ivy.did().toString(), PASSWORD, "AAAAA-BBBBB");
        assertEquals(400, wrongCode.status());
        assertEquals("InvalidToken", wrongCode.error());
        assertEquals("Token is invalid", wrongCode.json().get("message").asText());
        var unknown = delete("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", PASSWORD, code);
        assertEquals(400, unknown.status());
        assertEquals("InvalidRequest", unknown.error());
        assertEquals("account not found", unknown.json().get("message").asText());
        assertEquals("InvalidRequest", delete("not a did", PASSWORD, code).error());
        assertTrue(actorFolder(ivy.did()).isPresent(), "refused deletions change nothing");

        long before = lastSeq();
        var deleted = delete(ivy.did().toString(), PASSWORD, code.toLowerCase(Locale.ROOT));
        assertEquals(200, deleted.status(), deleted.text());

        assertEquals("AuthenticationRequired", login(ivy.handle(), PASSWORD).error());
        assertEquals("HandleNotFound",
                pds.get("/xrpc/com.atproto.identity.resolveHandle?handle=" + ivy.handle()).error());
        assertTrue(actorFolder(ivy.did()).isEmpty(), "the repository files are gone");
        assertTrue(emailToken(ivy.did()).isEmpty());
        var statusAfter = pds.get("/xrpc/com.atproto.server.checkAccountStatus", ivy.auth());
        assertEquals(400, statusAfter.status());
        assertEquals("NotFound", statusAfter.error());

        List<SeqTable.Row> remaining = events(ivy.did(), 0);
        assertEquals(1, remaining.size(), "the account's earlier events are forgotten");
        assertTrue(remaining.getFirst().seq() > before);
        DataValue.MapValue account = body(remaining.getFirst());
        assertEquals("#account", remaining.getFirst().type());
        assertEquals(DataValue.of(false), account.get("active").orElseThrow());
        assertEquals("deleted", account.text("status").orElseThrow());

        assertEquals("InvalidRequest", delete(ivy.did().toString(), PASSWORD, code).error(), "deleting twice");
        // the old access token still verifies (tokens are stateless), but there is no account behind it
        assertEquals("AccountNotFound", call("com.atproto.server.activateAccount", ivy).error());
        var deactivate = call("com.atproto.server.deactivateAccount", ivy);
        assertEquals("InvalidRequest", deactivate.error());
        assertEquals("Account not found", deactivate.json().get("message").asText());
        var request = call("com.atproto.server.requestAccountDelete", ivy);
        assertEquals(403, request.status());
        assertEquals("AccountNotFound", request.error());
        assertEquals(1, events(ivy.did(), 0).size(), "nothing more was announced");
    }

    @Test
    void aDeletionCodeLastsFifteenMinutesAndANewRequestReplacesIt() {
        TestAccounts.SignedUp jo = signUp();
        call("com.atproto.server.requestAccountDelete", jo);
        String first = emailToken(jo.did()).orElseThrow();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var late = delete(jo.did().toString(), PASSWORD, first);
        assertEquals(400, late.status());
        assertEquals("ExpiredToken", late.error());
        assertEquals("Token is expired", late.json().get("message").asText());

        String[] fresh = {"Authorization", "Bearer " + login(jo.handle(), PASSWORD).json().get("accessJwt").asText()};
        assertEquals(200, pds.post("/xrpc/com.atproto.server.requestAccountDelete", "{}", fresh).status());
        String second = emailToken(jo.did()).orElseThrow();
        assertNotEquals(first, second);
        assertEquals("InvalidToken", delete(jo.did().toString(), PASSWORD, first).error());
        assertEquals(200, delete(jo.did().toString(), PASSWORD, second).status());
    }

    @Test
    void aDeactivatedAccountCanBeDeleted() throws IOException {
        TestAccounts.SignedUp kim = signUp();
        call("com.atproto.server.deactivateAccount", kim);
        assertEquals(200, call("com.atproto.server.requestAccountDelete", kim).status());
        assertEquals(200, delete(kim.did().toString(), PASSWORD, emailToken(kim.did()).orElseThrow()).status());
        assertTrue(actorFolder(kim.did()).isEmpty());
    }

    private static TestPds.Response delete(String did, String password, String token) {
        return pds.post("/xrpc/com.atproto.server.deleteAccount",
                "{\"did\":\"" + did + "\",\"password\":\"" + password + "\",\"token\":\"" + token + "\"}");
    }

    private static String createAppPassword(TestAccounts.SignedUp user) {
        var r = pds.post("/xrpc/com.atproto.server.createAppPassword", "{\"name\":\"app " + NEXT.incrementAndGet() + "\"}",
                user.auth());
        assertEquals(200, r.status(), r.text());
        return r.json().get("password").asText();
    }

    private static String appPasswordSession(TestAccounts.SignedUp user) {
        var r = login(user.handle(), createAppPassword(user));
        assertEquals(200, r.status(), r.text());
        return r.json().get("accessJwt").asText();
    }

    /**
     * The outstanding deletion code, read from account.sqlite as the mail would carry it (the server
     * cannot send mail yet, and the log is not an interface).
     */
    private static Optional<String> emailToken(Did did) {
        Path db = pds.server().config().dataDirectory().resolve("account.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement(
                     "SELECT token FROM email_token WHERE did = ? AND purpose = 'delete_account'")) {
            st.setString(1, did.toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<Path> actorFolder(Did did) throws IOException {
        Path actors = pds.server().config().dataDirectory().resolve("actors");
        try (Stream<Path> s = Files.walk(actors, 2)) {
            return s.filter(p -> p.getFileName().toString().equals(did.toString().replace(':', '_'))).findFirst();
        }
    }
}
