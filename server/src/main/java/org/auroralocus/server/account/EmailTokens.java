package org.auroralocus.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.db.EmailTokenPurpose;
import org.auroralocus.server.account.db.EmailTokenRow;
import org.auroralocus.server.account.db.EmailTokenTable;
import org.auroralocus.server.db.Database;

/**
 * The short codes mailed to an account's owner to confirm a sensitive step (deleting the account,
 * ...). They look like the official PDS's ({@code ABCDE-23456}: ten base32 characters, 50 bits)
 * and, as there, stay valid for 15 minutes and are compared case-insensitively, since people type them.
 */
public final class EmailTokens {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Database db;
    private final Clock clock;
    private final SecureRandom random;

    public EmailTokens(Database accountDb, Clock clock, SecureRandom random) {
        this.db = accountDb;
        this.clock = clock;
        this.random = random;
    }

    /** A new code for the purpose; any earlier one of the same purpose stops working. */
    public String create(Did did, EmailTokenPurpose purpose) {
        String token = newToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        db.write(s -> {
            EmailTokenTable.create(s, did, purpose, token, now);
            return null;
        });
        return token;
    }

    /**
     * Checks a code typed by the user, without using it up.
     *
     * @throws EmailTokenException INVALID when it is not the outstanding code, EXPIRED when that code is too old
     */
    public void check(Did did, EmailTokenPurpose purpose, String token) {
        Optional<EmailTokenRow> row = db.read(s -> EmailTokenTable.find(s, did, purpose));
        byte[] given = token.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().token().getBytes(StandardCharsets.UTF_8), given)) {
            throw new EmailTokenException(EmailTokenException.Reason.INVALID);
        }
        if (!clock.instant().isBefore(row.get().requestedAt().plus(LIFETIME))) {
            throw new EmailTokenException(EmailTokenException.Reason.EXPIRED);
        }
    }

    private String newToken() {
        StringBuilder token = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) token.append('-');
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
