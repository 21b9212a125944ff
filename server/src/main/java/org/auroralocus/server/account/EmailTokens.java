package org.auroralocus.server.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.multibase.Base32;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.db.EmailTokenRow;
import org.auroralocus.server.account.db.EmailTokenTable;
import org.auroralocus.server.db.Database;

/**
 * The short codes sent by e-mail to confirm a sensitive step (a PLC operation, an e-mail change ...).
 * They have the official form {@code XXXXX-XXXXX} (ten upper-case base32 characters, 50 random bits),
 * one per account and purpose at a time, valid for {@link #LIFETIME} and usable once. Users type them,
 * so they are compared without regard to case.
 */
public final class EmailTokens {
    /** As in the official PDS. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int RANDOM_BYTES = 8;
    private static final int HALF = 5;

    private final Database db;
    private final Clock clock;
    private final SecureRandom random;

    public EmailTokens(Database accountDb, Clock clock, SecureRandom random) {
        this.db = accountDb;
        this.clock = clock;
        this.random = random;
    }

    /** A new code for the account and purpose; an earlier outstanding one stops working. */
    public String create(Did did, EmailTokenPurpose purpose) {
        String token = generate();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        db.write(s -> {
            EmailTokenTable.put(s, new EmailTokenRow(purpose.value(), did, token, now));
            return null;
        });
        return token;
    }

    /**
     * Checks the code and uses it up. An expired code stays stored (a new request replaces it), as in
     * the official PDS.
     *
     * @throws EmailTokenException when it is not the account's current code for the purpose, or has expired
     */
    public void consume(Did did, EmailTokenPurpose purpose, String token) {
        String typed = token.strip().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        db.write(s -> {
            Optional<EmailTokenRow> row = EmailTokenTable.find(s, did, purpose.value());
            if (row.isEmpty() || !row.get().token().equals(typed)) {
                throw new EmailTokenException(false, "Token is invalid");
            }
            if (!row.get().requestedAt().plus(LIFETIME).isAfter(now)) {
                throw new EmailTokenException(true, "Token is expired");
            }
            EmailTokenTable.delete(s, did, purpose.value());
            return null;
        });
    }

    /**
     * Checks a code that names no account (a password reset) and uses it up; the account it belongs to.
     *
     * @throws EmailTokenException when no account has this code for the purpose, or it has expired
     */
    public Did consumeAny(EmailTokenPurpose purpose, String token) {
        String typed = token.strip().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        return db.write(s -> {
            EmailTokenRow row = EmailTokenTable.findByToken(s, purpose.value(), typed)
                    .orElseThrow(() -> new EmailTokenException(false, "Token is invalid"));
            if (!row.requestedAt().plus(LIFETIME).isAfter(now)) throw new EmailTokenException(true, "Token is expired");
            EmailTokenTable.delete(s, row.did(), purpose.value());
            return row.did();
        });
    }

    private String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String chars = Base32.encode(bytes).substring(0, 2 * HALF).toUpperCase(Locale.ROOT);
        return chars.substring(0, HALF) + "-" + chars.substring(HALF);
    }
}
