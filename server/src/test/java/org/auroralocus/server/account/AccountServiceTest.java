package org.auroralocus.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.auroralocus.atproto.syntax.AtIdentifier;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.account.AccountException.Problem;
import org.auroralocus.server.account.db.AccountDatabase;
import org.auroralocus.server.account.db.InviteCodeRow;
import org.auroralocus.server.account.db.InviteCodeTable;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServiceTest {
    private static final Did ALICE = Did.parse("did:plc:aliceaaaaaaaaaaaaaaaaaaa");
    private static final Did BOB = Did.parse("did:plc:bobbbbbbbbbbbbbbbbbbbbbb");

    @TempDir Path dir;
    private final DatabaseThreads threads = new DatabaseThreads(1, 2);
    private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05.678Z"));
    private Database db;
    private AppPasswordService appPasswords;

    @BeforeEach
    void open() {
        db = AccountDatabase.open(dir, threads);
        appPasswords = new AppPasswordService(db, new PasswordHasher(new SecureRandom()), clock, new SecureRandom());
    }

    @AfterEach
    void close() {
        db.close();
        threads.close();
    }

    private AccountService service(boolean inviteRequired) {
        return new AccountService(db, new PasswordHasher(new SecureRandom()), appPasswords, clock, inviteRequired);
    }

    private Account alice(AccountService accounts) {
        return accounts.create(ALICE, Handle.parse("Alice.Test"), Optional.of("Alice@Example.COM"),
                Optional.of("password one"), Optional.empty());
    }

    @Test
    void aCreatedAccountIsFoundByHandleEmailAndDidInAnyCase() {
        AccountService accounts = service(false);
        Account created = alice(accounts);
        assertEquals("alice.test", created.handle().value());
        assertEquals(Optional.of("alice@example.com"), created.email());
        assertEquals(clock.instant(), created.createdAt());
        assertTrue(created.active());

        assertEquals(Optional.of(created), accounts.findByHandle(Handle.parse("ALICE.test")));
        assertEquals(Optional.of(created), accounts.findByEmail("ALICE@example.com"));
        assertEquals(Optional.of(created), accounts.findByDid(ALICE));
        assertEquals(Optional.of(created), accounts.find(AtIdentifier.parse("alice.TEST")));
        assertEquals(Optional.of(created), accounts.find(ALICE));
        assertTrue(accounts.findByDid(BOB).isEmpty());
        assertFalse(accounts.isHandleAvailable(Handle.parse("ALICE.TEST")));
    }

    @Test
    void takenHandlesEmailsAndDidsAreRefusedByName() {
        AccountService accounts = service(false);
        alice(accounts);
        var handle = assertThrows(AccountException.class, () -> accounts.create(BOB, Handle.parse("alice.TEST"),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(Problem.HANDLE_NOT_AVAILABLE, handle.problem());
        var email = assertThrows(AccountException.class, () -> accounts.create(BOB, Handle.parse("bob.test"),
                Optional.of("ALICE@example.com"), Optional.empty(), Optional.empty()));
        assertEquals(Problem.EMAIL_NOT_AVAILABLE, email.problem());
        var did = assertThrows(AccountException.class, () -> accounts.create(ALICE, Handle.parse("other.test"),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(Problem.ALREADY_EXISTS, did.problem());
        assertTrue(accounts.findByDid(BOB).isEmpty(), "nothing was stored");
    }

    @Test
    void inviteCodesAreRequiredWhenConfiguredAndUsedUp() {
        AccountService accounts = service(true);
        var none = assertThrows(AccountException.class, () -> alice(accounts));
        assertEquals(Problem.INVALID_INVITE_CODE, none.problem());
        assertEquals("No invite code provided", none.getMessage());

        db.write(s -> {
            InviteCodeTable.insert(s, new InviteCodeRow("code-1", 1, false, "admin", "admin", clock.instant()));
            return null;
        });
        var unknown = assertThrows(AccountException.class, () -> accounts.create(ALICE, Handle.parse("alice.test"),
                Optional.empty(), Optional.empty(), Optional.of("code-x")));
        assertEquals(Problem.INVALID_INVITE_CODE, unknown.problem());

        accounts.create(ALICE, Handle.parse("alice.test"), Optional.empty(), Optional.empty(), Optional.of("code-1"));
        var usedUp = assertThrows(AccountException.class, () -> accounts.create(BOB, Handle.parse("bob.test"),
                Optional.empty(), Optional.empty(), Optional.of("code-1")));
        assertEquals(Problem.INVALID_INVITE_CODE, usedUp.problem());
        assertEquals("Provided invite code not available", usedUp.getMessage());
        assertEquals(1, (int) db.read(s -> InviteCodeTable.useCount(s, "code-1")));
    }

    @Test
    void loginAcceptsTheOwnPasswordOrAnAppPassword() {
        AccountService accounts = service(false);
        Account alice = alice(accounts);
        assertEquals(Optional.of(new Login(alice, Optional.empty())), accounts.login("ALICE.test", "password one"));
        assertEquals(Optional.of(new Login(alice, Optional.empty())), accounts.login("alice@EXAMPLE.com", "password one"));
        assertEquals(Optional.of(new Login(alice, Optional.empty())), accounts.login(ALICE.value(), "password one"));
        assertTrue(accounts.login("alice.test", "password two").isEmpty());
        assertTrue(accounts.login("nobody.test", "password one").isEmpty());

        NewAppPassword app = appPasswords.create(ALICE, "phone", true);
        Optional<Login> viaApp = accounts.login("alice.test", app.password().toUpperCase());
        assertEquals(Optional.of(new AppPasswordGrant("phone", true)), viaApp.orElseThrow().appPassword());
    }

    @Test
    void theOwnPasswordCheckRefusesAppPasswordsAndUnknownAccounts() {
        AccountService accounts = service(false);
        alice(accounts);
        NewAppPassword app = appPasswords.create(ALICE, "phone", true);
        assertTrue(accounts.verifyOwnPassword(ALICE, "password one"));
        assertFalse(accounts.verifyOwnPassword(ALICE, "password two"));
        assertFalse(accounts.verifyOwnPassword(ALICE, app.password()));
        assertFalse(accounts.verifyOwnPassword(BOB, "password one"));
    }

    @Test
    void aTakenDownAccountLogsInOnlyWithItsOwnPassword() {
        AccountService accounts = service(false);
        alice(accounts);
        NewAppPassword app = appPasswords.create(ALICE, "phone", false);
        Account down = accounts.updateTakedown(ALICE, Optional.of("ref-1"));
        assertEquals(AccountStatus.TAKENDOWN, down.status());
        assertTrue(accounts.login("alice.test", app.password()).isEmpty());
        assertTrue(accounts.login("alice.test", "password one").orElseThrow().account().takendown());
        assertEquals(AccountStatus.ACTIVE, accounts.updateTakedown(ALICE, Optional.empty()).status());
    }

    @Test
    void anAccountWithoutAPasswordCannotLogIn() {
        AccountService accounts = service(false);
        accounts.create(ALICE, Handle.parse("alice.test"), Optional.empty(), Optional.empty(), Optional.empty());
        assertTrue(accounts.login("alice.test", "").isEmpty());
        assertTrue(accounts.login("alice.test", "anything").isEmpty());
    }

    @Test
    void handlesMoveOnlyToFreeNames() {
        AccountService accounts = service(false);
        alice(accounts);
        accounts.create(BOB, Handle.parse("bob.test"), Optional.empty(), Optional.empty(), Optional.empty());
        var taken = assertThrows(AccountException.class, () -> accounts.updateHandle(BOB, Handle.parse("Alice.test")));
        assertEquals(Problem.HANDLE_NOT_AVAILABLE, taken.problem());
        assertEquals("alice.test", accounts.updateHandle(ALICE, Handle.parse("ALICE.test")).handle().value(),
                "its own handle is free for it");
        assertEquals("robert.test", accounts.updateHandle(BOB, Handle.parse("Robert.Test")).handle().value());
        assertTrue(accounts.isHandleAvailable(Handle.parse("bob.test")));
        var missing = assertThrows(AccountException.class, () ->
                accounts.updateHandle(Did.parse("did:plc:nobodyaaaaaaaaaaaaaaaaaa"), Handle.parse("x.test")));
        assertEquals(Problem.NOT_FOUND, missing.problem());
    }

    @Test
    void deactivationIsReversibleAndTakedownOutranksIt() {
        AccountService accounts = service(false);
        alice(accounts);
        Account off = accounts.deactivate(ALICE);
        assertEquals(AccountStatus.DEACTIVATED, off.status());
        assertEquals(Optional.of("deactivated"), off.status().wireName());
        assertEquals(AccountStatus.TAKENDOWN, accounts.updateTakedown(ALICE, Optional.of("r")).status());
        accounts.updateTakedown(ALICE, Optional.empty());
        assertEquals(AccountStatus.ACTIVE, accounts.activate(ALICE).status());
        assertEquals(Problem.NOT_FOUND, assertThrows(AccountException.class, () -> accounts.deactivate(BOB)).problem());
    }

    @Test
    void deletingAnAccountTakesItsAppPasswordsAndFreesItsNames() {
        AccountService accounts = service(false);
        alice(accounts);
        appPasswords.create(ALICE, "phone", false);
        assertTrue(accounts.delete(ALICE));
        assertFalse(accounts.delete(ALICE));
        assertTrue(accounts.findByDid(ALICE).isEmpty());
        assertEquals(List.of(), appPasswords.list(ALICE));
        alice(accounts);
    }

    @Test
    void accountsAreListedInPagesByDid() {
        AccountService accounts = service(false);
        alice(accounts);
        accounts.create(BOB, Handle.parse("bob.test"), Optional.empty(), Optional.empty(), Optional.empty());
        Did carol = Did.parse("did:plc:carolcccccccccccccccccccc");
        accounts.create(carol, Handle.parse("carol.test"), Optional.empty(), Optional.empty(), Optional.empty());
        List<Account> first = accounts.list(Optional.empty(), 2);
        assertEquals(List.of(ALICE, BOB), first.stream().map(Account::did).toList());
        assertEquals(List.of(carol), accounts.list(Optional.of(BOB), 2).stream().map(Account::did).toList());
    }

    @Test
    void appPasswordNamesAreUniquePerAccount() {
        AccountService accounts = service(false);
        alice(accounts);
        NewAppPassword first = appPasswords.create(ALICE, "phone", false);
        assertTrue(first.password().matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertFalse(first.toString().contains(first.password()));
        var dup = assertThrows(AccountException.class, () -> appPasswords.create(ALICE, "phone", true));
        assertEquals(Problem.APP_PASSWORD_NAME_TAKEN, dup.problem());
        appPasswords.revoke(ALICE, "phone");
        appPasswords.create(ALICE, "phone", true);
        assertEquals(List.of(new AppPassword("phone", clock.instant(), true)), appPasswords.list(ALICE));
    }
}
