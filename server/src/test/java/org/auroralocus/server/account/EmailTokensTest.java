package org.auroralocus.server.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.account.db.AccountDatabase;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailTokensTest {
    private static final Did ALICE = Did.parse("did:plc:aliceaaaaaaaaaaaaaaaaaaa");
    private static final Did BOB = Did.parse("did:plc:bobbbbbbbbbbbbbbbbbbbbbb");
    private static final EmailTokenPurpose PLC = EmailTokenPurpose.PLC_OPERATION;

    @TempDir Path dir;
    private final DatabaseThreads threads = new DatabaseThreads(1, 2);
    private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05.678Z"));
    private Database db;
    private EmailTokens tokens;

    @BeforeEach
    void open() {
        db = AccountDatabase.open(dir, threads);
        SecureRandom random = new SecureRandom();
        AccountService accounts = new AccountService(db, new PasswordHasher(random),
                new AppPasswordService(db, new PasswordHasher(random), clock, random), clock, false);
        accounts.create(ALICE, Handle.parse("alice.test"), Optional.of("alice@example.com"), Optional.empty(), Optional.empty());
        accounts.create(BOB, Handle.parse("bob.test"), Optional.of("bob@example.com"), Optional.empty(), Optional.empty());
        tokens = new EmailTokens(db, clock, random);
    }

    @AfterEach
    void close() {
        db.close();
        threads.close();
    }

    @Test
    void codesHaveTheOfficialFormAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String token = tokens.create(ALICE, PLC);
            assertTrue(token.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"), token);
            seen.add(token);
        }
        assertTrue(seen.size() > 45, "50 bits of randomness rarely repeat");
    }

    @Test
    void aCodeWorksOnceInAnyCase() {
        String token = tokens.create(ALICE, PLC);
        assertDoesNotThrow(() -> tokens.consume(ALICE, PLC, " " + token.toLowerCase(Locale.ROOT) + " "));
        EmailTokenException again = assertThrows(EmailTokenException.class, () -> tokens.consume(ALICE, PLC, token));
        assertFalse(again.expired());
    }

    @Test
    void aCodeOnlyWorksForItsAccountAndPurpose() {
        String token = tokens.create(ALICE, PLC);
        assertFalse(assertThrows(EmailTokenException.class, () -> tokens.consume(BOB, PLC, token)).expired());
        assertThrows(EmailTokenException.class, () -> tokens.consume(ALICE, EmailTokenPurpose.UPDATE_EMAIL, token));
        assertDoesNotThrow(() -> tokens.consume(ALICE, PLC, token));
    }

    @Test
    void aNewRequestReplacesTheOutstandingCode() {
        String first = tokens.create(ALICE, PLC);
        String second = tokens.create(ALICE, PLC);
        assertNotEquals(first, second);
        assertThrows(EmailTokenException.class, () -> tokens.consume(ALICE, PLC, first));
        assertDoesNotThrow(() -> tokens.consume(ALICE, PLC, second));
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() {
        String alices = tokens.create(ALICE, PLC);
        String bobs = tokens.create(BOB, PLC);
        clock.advance(EmailTokens.LIFETIME.minusMillis(1));
        assertDoesNotThrow(() -> tokens.consume(BOB, PLC, bobs));
        clock.advance(Duration.ofMillis(1));
        assertTrue(assertThrows(EmailTokenException.class, () -> tokens.consume(ALICE, PLC, alices)).expired());
    }
}
