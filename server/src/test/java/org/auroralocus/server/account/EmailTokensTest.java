package org.auroralocus.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.account.db.AccountDatabase;
import org.auroralocus.server.account.db.EmailTokenPurpose;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailTokensTest {
    private static final Did ALICE = Did.parse("did:plc:aliceaaaaaaaaaaaaaaaaaaa");

    @TempDir Path dir;
    private final DatabaseThreads threads = new DatabaseThreads(1, 2);
    private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05.678Z"));
    private Database db;
    private EmailTokens tokens;
    private AccountService accounts;

    @BeforeEach
    void open() {
        db = AccountDatabase.open(dir, threads);
        tokens = new EmailTokens(db, clock, new SecureRandom());
        PasswordHasher hasher = new PasswordHasher(new SecureRandom());
        accounts = new AccountService(db, hasher, new AppPasswordService(db, hasher, clock, new SecureRandom()), clock, false);
        accounts.create(ALICE, Handle.parse("alice.test"), Optional.of("alice@example.com"), Optional.of("pw"),
                Optional.empty());
    }

    @AfterEach
    void close() {
        db.close();
        threads.close();
    }

    private EmailTokenException.Reason refusal(EmailTokenPurpose purpose, String token) {
        return assertThrows(EmailTokenException.class, () -> tokens.check(ALICE, purpose, token)).reason();
    }

    @Test
    void aCodeLooksLikeTheOfficialOnesAndIsCheckedInAnyCase() {
        String code = tokens.create(ALICE, EmailTokenPurpose.DELETE_ACCOUNT);
        assertTrue(code.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"), code);
        tokens.check(ALICE, EmailTokenPurpose.DELETE_ACCOUNT, code);
        tokens.check(ALICE, EmailTokenPurpose.DELETE_ACCOUNT, code.toLowerCase(Locale.ROOT));
        assertEquals(EmailTokenException.Reason.INVALID, refusal(EmailTokenPurpose.DELETE_ACCOUNT, "AAAAA-AAAAA"));
    }

    @Test
    void aCodeServesOnlyItsPurpose() {
        String code = tokens.create(ALICE, EmailTokenPurpose.DELETE_ACCOUNT);
        assertEquals(EmailTokenException.Reason.INVALID, refusal(EmailTokenPurpose.PLC_OPERATION, code));
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() {
        String code = tokens.create(ALICE, EmailTokenPurpose.DELETE_ACCOUNT);
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        tokens.check(ALICE, EmailTokenPurpose.DELETE_ACCOUNT, code);
        clock.advance(Duration.ofMillis(1));
        assertEquals(EmailTokenException.Reason.EXPIRED, refusal(EmailTokenPurpose.DELETE_ACCOUNT, code));
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String first = tokens.create(ALICE, EmailTokenPurpose.DELETE_ACCOUNT);
        String second = tokens.create(ALICE, EmailTokenPurpose.DELETE_ACCOUNT);
        assertNotEquals(first, second);
        assertEquals(EmailTokenException.Reason.INVALID, refusal(EmailTokenPurpose.DELETE_ACCOUNT, first));
        tokens.check(ALICE, EmailTokenPurpose.DELETE_ACCOUNT, second);
    }

    @Test
    void deletingTheAccountTakesItsCodes() {
        String code = tokens.create(ALICE, EmailTokenPurpose.DELETE_ACCOUNT);
        accounts.delete(ALICE);
        assertEquals(EmailTokenException.Reason.INVALID, refusal(EmailTokenPurpose.DELETE_ACCOUNT, code));
    }
}
