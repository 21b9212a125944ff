package org.auroralocus.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.auroralocus.atproto.cbor.Cid;
import org.auroralocus.atproto.cbor.DataValue;
import org.auroralocus.atproto.syntax.AtUri;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestAccounts.SignedUp;
import org.auroralocus.server.TestPds;
import org.auroralocus.server.account.AccountStatus;
import org.auroralocus.server.sequencer.SequencedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's service as the desktop application calls it, on a real server. */
class AdminServiceTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir Path dir;
    private TestPds pds;
    private AdminService admin;

    @BeforeEach
    void start() {
        pds = TestPds.start(dir, Map.of());
        admin = pds.server().services().admin();
    }

    @AfterEach
    void stop() {
        pds.close();
    }

    private SignedUp signUp(String prefix) {
        return TestAccounts.signUp(pds, prefix, PASSWORD);
    }

    private List<SequencedEvent> eventsSince(long seq, Did did) {
        return pds.server().services().sequencer().events(seq, 1000).stream().filter(e -> e.did().equals(did)).toList();
    }

    private long head() {
        return pds.server().services().sequencer().head();
    }

    private AtUri createRecord(SignedUp user) {
        var r = pds.post("/xrpc/com.atproto.repo.createRecord", """
                {"repo":"%s","collection":"com.example.thing","record":{"text":"hi"}}""".formatted(user.did()), user.auth());
        assertEquals(200, r.status(), r.text());
        return AtUri.parse(r.json().get("uri").asText());
    }

    @Test
    void searchMatchesHandleEmailAndDidPrefixAndPages() {
        SignedUp amy = signUp("searchamy");
        SignedUp bob = signUp("searchbob");
        assertEquals(List.of(amy.did()), admin.searchAccounts("SEARCHAMY", Optional.empty(), 10).accounts().stream()
                .map(AccountSummary::did).toList(), "handle, any case");
        assertEquals(List.of(bob.did()), admin.searchAccounts(bob.email(), Optional.empty(), 10).accounts().stream()
                .map(AccountSummary::did).toList(), "e-mail");
        assertEquals(bob.did(), admin.searchAccounts(bob.did().toString().substring(0, 20), Optional.empty(), 10)
                .accounts().stream().map(AccountSummary::did).filter(bob.did()::equals).findFirst().orElseThrow());

        AccountPage first = admin.searchAccounts("", Optional.empty(), 1);
        assertEquals(1, first.accounts().size());
        AccountPage second = admin.searchAccounts("", first.cursor(), 1);
        assertEquals(1, second.accounts().size());
        assertTrue(second.accounts().getFirst().did().toString().compareTo(first.accounts().getFirst().did().toString()) > 0);
        assertTrue(admin.searchAccounts("", second.cursor(), 1).accounts().isEmpty());

        AccountSummary summary = admin.account(amy.did()).orElseThrow();
        assertEquals(Handle.parse(amy.handle()), summary.handle());
        assertEquals(Optional.of(amy.email()), summary.email());
        assertFalse(summary.emailConfirmed());
        assertEquals(AccountStatus.ACTIVE, summary.status());
        assertEquals(Optional.empty(), admin.account(TestAccounts.randomPlcDid()));
        assertEquals(AdminException.Problem.INVALID,
                assertThrows(AdminException.class, () -> admin.searchAccounts("", Optional.of("nope"), 5)).problem());
    }

    @Test
    void createAccountSignsUpWithTheSameEventsAsXrpc() {
        long before = head();
        AccountSummary created = admin.createAccount(Handle.parse("made.test"), Optional.of("made@example.com"), PASSWORD,
                Optional.empty());
        assertEquals(List.of("#identity", "#account", "#commit", "#sync"),
                eventsSince(before, created.did()).stream().map(SequencedEvent::type).toList());
        var login = pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"made.test\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, login.status(), login.text());

        assertEquals(AdminException.Problem.HANDLE_NOT_AVAILABLE, assertThrows(AdminException.class, () ->
                admin.createAccount(Handle.parse("made.test"), Optional.empty(), PASSWORD, Optional.empty())).problem());
        assertEquals(AdminException.Problem.INVALID, assertThrows(AdminException.class, () ->
                admin.createAccount(Handle.parse("elsewhere.example.org"), Optional.empty(), PASSWORD, Optional.empty())).problem());
        assertEquals(AdminException.Problem.INVALID, assertThrows(AdminException.class, () ->
                admin.createAccount(Handle.parse("short.test"), Optional.empty(), "", Optional.empty())).problem());
    }

    @Test
    void handleEmailAndPasswordChanges() {
        SignedUp cat = signUp("changecat");
        long before = head();
        admin.updateHandle(cat.did(), Handle.parse("Cat.Example.Org"));
        assertEquals(Handle.parse("cat.example.org"), admin.account(cat.did()).orElseThrow().handle());
        assertEquals(List.of("#identity"), eventsSince(before, cat.did()).stream().map(SequencedEvent::type).toList());

        admin.updateEmail(cat.did(), "new-cat@example.com");
        assertEquals(Optional.of("new-cat@example.com"), admin.account(cat.did()).orElseThrow().email());
        assertEquals(AdminException.Problem.INVALID,
                assertThrows(AdminException.class, () -> admin.updateEmail(cat.did(), "no address")).problem());

        admin.updatePassword(cat.did(), "a whole new password");
        var refresh = pds.post("/xrpc/com.atproto.server.refreshSession", "", "Authorization", "Bearer " + cat.refreshJwt());
        assertEquals("ExpiredToken", refresh.error(), "the old sessions ended");
        var login = pds.post("/xrpc/com.atproto.server.createSession",
                "{\"identifier\":\"" + cat.did() + "\",\"password\":\"a whole new password\"}");
        assertEquals(200, login.status(), login.text());

        SignedUp dog = signUp("changedog");
        assertEquals(AdminException.Problem.HANDLE_NOT_AVAILABLE,
                assertThrows(AdminException.class, () -> admin.updateHandle(dog.did(), Handle.parse("cat.example.org"))).problem());
        assertEquals(AdminException.Problem.EMAIL_NOT_AVAILABLE,
                assertThrows(AdminException.class, () -> admin.updateEmail(dog.did(), "NEW-cat@example.com")).problem());
        assertEquals(AdminException.Problem.NOT_FOUND, assertThrows(AdminException.class, () ->
                admin.updatePassword(TestAccounts.randomPlcDid(), "whatever it is")).problem());
    }

    @Test
    void accountTakedownIsAnnouncedListedAndReversed() {
        SignedUp eve = signUp("takeeve");
        long before = head();
        admin.takedownAccount(eve.did(), "report-17");
        assertEquals(AccountStatus.TAKENDOWN, admin.account(eve.did()).orElseThrow().status());
        TakenDownSubject listed = admin.takenDown().getFirst();
        assertEquals(new Subject.Account(eve.did()), listed.subject());
        assertEquals("report-17", listed.reference());
        assertEquals(Optional.of("report-17"), admin.subjectStatus(new Subject.Account(eve.did())).orElseThrow().takedownRef());

        admin.reverseAccountTakedown(eve.did());
        assertEquals(AccountStatus.ACTIVE, admin.account(eve.did()).orElseThrow().status());
        assertTrue(admin.takenDown().isEmpty());

        List<SequencedEvent> events = eventsSince(before, eve.did());
        assertEquals(List.of("#account", "#account"), events.stream().map(SequencedEvent::type).toList());
        assertEquals(DataValue.of(false), events.get(0).body().get("active").orElseThrow());
        assertEquals(Optional.of("takendown"), events.get(0).body().text("status"));
        assertEquals(DataValue.of(true), events.get(1).body().get("active").orElseThrow());

        assertEquals(AdminException.Problem.INVALID,
                assertThrows(AdminException.class, () -> admin.takedownAccount(eve.did(), " ")).problem());
        assertEquals(AdminException.Problem.NOT_FOUND, assertThrows(AdminException.class, () ->
                admin.takedownAccount(TestAccounts.randomPlcDid(), "r")).problem());
    }

    @Test
    void recordTakedownHidesOnlyThatRecord() {
        SignedUp fay = signUp("recfay");
        AtUri hidden = createRecord(fay);
        AtUri kept = createRecord(fay);
        Cid cid = admin.recordStatus(hidden).orElseThrow().subject() instanceof Subject.Record r ? r.cid() : null;
        admin.takedownRecord(hidden, cid, "spam-1");

        assertEquals(List.of(new Subject.Record(hidden, cid)), admin.takenDown().stream().map(TakenDownSubject::subject).toList());
        assertEquals(Optional.of("spam-1"), admin.recordStatus(hidden).orElseThrow().takedownRef());
        String getHidden = "/xrpc/com.atproto.repo.getRecord?repo=" + fay.did() + "&collection=com.example.thing&rkey="
                + hidden.rkey().orElseThrow().value();
        assertEquals("RecordNotFound", pds.get(getHidden).error());
        assertEquals(200, pds.get("/xrpc/com.atproto.repo.getRecord?repo=" + fay.did()
                + "&collection=com.example.thing&rkey=" + kept.rkey().orElseThrow().value()).status());

        admin.reverseRecordTakedown(hidden);
        assertEquals(200, pds.get(getHidden).status());
        assertTrue(admin.takenDown().isEmpty());
        assertEquals(AdminException.Problem.NOT_FOUND, assertThrows(AdminException.class, () ->
                admin.takedownRecord(AtUri.parse("at://" + fay.did() + "/com.example.thing/nothere"), cid, "r")).problem());
    }

    @Test
    void blobTakedownOfAnUnknownBlobIsNotFound() {
        SignedUp gus = signUp("blobgus");
        Cid unknown = Cid.ofRaw(new byte[] {1, 2, 3});
        assertEquals(AdminException.Problem.NOT_FOUND,
                assertThrows(AdminException.class, () -> admin.takedownBlob(gus.did(), unknown, "r")).problem());
        assertEquals(Optional.empty(), admin.subjectStatus(new Subject.Blob(gus.did(), unknown)));
    }

    @Test
    void theAdministratorNeedsNoInviteCodeWhereSignUpsRequireOne() throws IOException {
        try (TestPds inviteOnly = TestPds.start(Files.createDirectories(dir.resolve("invite-only")),
                Map.of("PDS_INVITE_REQUIRED", "true"))) {
            var signUp = inviteOnly.post("/xrpc/com.atproto.server.createAccount",
                    "{\"handle\":\"stranger.test\",\"email\":\"stranger@example.com\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(400, signUp.status(), signUp.text());
            assertEquals("InvalidInviteCode", signUp.error(), "a sign-up over XRPC still needs a code");

            AdminService owner = inviteOnly.server().services().admin();
            AccountSummary made = owner.createAccount(Handle.parse("friend.test"), Optional.of("friend@example.com"), PASSWORD,
                    Optional.empty());
            assertEquals(Handle.parse("friend.test"), made.handle());
            var login = inviteOnly.post("/xrpc/com.atproto.server.createSession",
                    "{\"identifier\":\"friend.test\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(200, login.status(), "the account works: " + login.text());

            assertEquals(AdminException.Problem.INVALID_INVITE_CODE, assertThrows(AdminException.class, () ->
                    owner.createAccount(Handle.parse("other.test"), Optional.empty(), PASSWORD, Optional.of("no-such-code")))
                    .problem(), "a code given is still checked");
        }
    }

    @Test
    void inviteCodesHaveTheOfficialFormatAndTheirUsesAreCounted() {
        List<InviteCode> codes = admin.createInviteCodes(2, 1, Optional.empty());
        assertEquals(2, codes.size());
        for (InviteCode code : codes) {
            assertTrue(code.code().matches("localhost-[a-z2-7]{5}-[a-z2-7]{5}"), code.code());
            assertEquals("admin", code.forAccount());
            assertEquals(1, code.available());
        }
        AccountSummary hal = admin.createAccount(Handle.parse("invited.test"), Optional.empty(), PASSWORD,
                Optional.of(codes.get(0).code()));
        assertEquals(AdminException.Problem.INVALID_INVITE_CODE, assertThrows(AdminException.class, () ->
                admin.createAccount(Handle.parse("again.test"), Optional.empty(), PASSWORD, Optional.of(codes.get(0).code())))
                .problem(), "used up");
        admin.disableInviteCodes(List.of(codes.get(1).code()), List.of());
        assertEquals(AdminException.Problem.INVALID_INVITE_CODE, assertThrows(AdminException.class, () ->
                admin.createAccount(Handle.parse("again.test"), Optional.empty(), PASSWORD, Optional.of(codes.get(1).code())))
                .problem(), "disabled");

        InvitePage page = admin.inviteCodes(Optional.empty(), 1);
        InvitePage rest = admin.inviteCodes(page.cursor(), 10);
        List<InviteCode> all = new java.util.ArrayList<>(page.codes());
        all.addAll(rest.codes());
        InviteCode used = all.stream().filter(c -> c.code().equals(codes.get(0).code())).findFirst().orElseThrow();
        assertEquals(List.of(hal.did()), used.uses().stream().map(InviteUse::usedBy).toList());
        assertFalse(used.usable());
        assertTrue(all.stream().filter(c -> c.code().equals(codes.get(1).code())).findFirst().orElseThrow().disabled());
        assertEquals(Optional.of(codes.get(0).code()), admin.accountInfo(hal.did()).orElseThrow().invitedBy().map(InviteCode::code));

        List<InviteCode> forHal = admin.createInviteCodes(1, 3, Optional.of(hal.did()));
        admin.setAccountInvitesDisabled(hal.did(), true);
        assertTrue(admin.accountInfo(hal.did()).orElseThrow().invitesDisabled());
        admin.disableInviteCodes(List.of(), List.of(hal.did()));
        assertTrue(admin.accountInfo(hal.did()).orElseThrow().invites().stream()
                .allMatch(c -> c.disabled() && c.code().equals(forHal.getFirst().code())));
    }

    @Test
    void deleteAccountRemovesItAndAnnouncesTheDeletion() {
        SignedUp ivy = signUp("delivy");
        admin.takedownAccount(ivy.did(), "before-deletion");
        admin.deleteAccount(ivy.did());
        assertEquals(Optional.empty(), admin.account(ivy.did()));
        assertTrue(admin.takenDown().isEmpty());
        List<SequencedEvent> events = eventsSince(0, ivy.did());
        assertEquals("#account", events.getLast().type());
        assertEquals(Optional.of("deleted"), events.getLast().body().text("status"));
        assertEquals("RepoNotFound", pds.get("/xrpc/com.atproto.sync.getLatestCommit?did=" + ivy.did()).error());
        assertEquals(AdminException.Problem.NOT_FOUND,
                assertThrows(AdminException.class, () -> admin.deleteAccount(ivy.did())).problem());
    }

    @Test
    void deactivationAndMessages() {
        SignedUp jo = signUp("deacjo");
        admin.deactivateAccount(jo.did());
        assertEquals(AccountStatus.DEACTIVATED, admin.account(jo.did()).orElseThrow().status());
        admin.sendEmail(jo.did(), "", "hello from the administrator");
        assertEquals(AdminException.Problem.NOT_FOUND, assertThrows(AdminException.class, () ->
                admin.sendEmail(TestAccounts.randomPlcDid(), "s", "c")).problem());
    }
}
