package org.auroralocus.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.auroralocus.atproto.multibase.Base32;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.db.AppPasswordRow;
import org.auroralocus.server.account.db.AppPasswordTable;
import org.auroralocus.server.account.db.RefreshTokenTable;
import org.auroralocus.server.db.Database;

/**
 * App passwords: per-application passwords of the official form {@code xxxx-xxxx-xxxx-xxxx}
 * (16 base32 characters, 80 random bits), each revocable on its own. Sessions opened with one get
 * narrower scopes (see {@code org.auroralocus.server.auth}).
 */
public final class AppPasswordService {
    private static final System.Logger LOG = System.getLogger(AppPasswordService.class.getName());
    private static final Pattern FORM = Pattern.compile("[a-z2-7]{4}(-[a-z2-7]{4}){3}");
    /** Names are for people to tell app passwords apart; the official PDS sets no limit, a very long one helps nobody. */
    public static final int MAX_NAME_LENGTH = 100;

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;

    public AppPasswordService(Database accountDb, PasswordHasher hasher, Clock clock, SecureRandom random) {
        this.db = accountDb;
        this.hasher = hasher;
        this.clock = clock;
        this.random = random;
    }

    /** Creates an app password; its secret is in the result and nowhere else. */
    public NewAppPassword create(Did did, String name, boolean privileged) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("an app password name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String password = generate();
        String hash = hasher.hash(password, accountSalt(did));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        db.write(s -> {
            if (AppPasswordTable.find(s, did, name).isPresent()) {
                throw new AccountException(AccountException.Problem.APP_PASSWORD_NAME_TAKEN,
                        "An app password named \"" + name + "\" already exists");
            }
            AppPasswordTable.insert(s, new AppPasswordRow(did, name, hash, privileged, now));
            return null;
        });
        LOG.log(System.Logger.Level.INFO, "app password created did={0} privileged={1}", did, privileged);
        return new NewAppPassword(name, password, now, privileged);
    }

    /** The account's app passwords, newest first. */
    public List<AppPassword> list(Did did) {
        return db.read(s -> AppPasswordTable.forAccount(s, did)).stream()
                .map(row -> new AppPassword(row.name(), row.createdAt(), row.privileged()))
                .toList();
    }

    /** Removes the app password and ends every session opened with it; nothing happens for an unknown name. */
    public void revoke(Did did, String name) {
        boolean removed = db.write(s -> {
            RefreshTokenTable.deleteForAppPassword(s, did, name);
            return AppPasswordTable.delete(s, did, name);
        });
        if (removed) LOG.log(System.Logger.Level.INFO, "app password revoked did={0}", did);
    }

    /**
     * The app password {@code candidate} is, if it is one of the account's. All of an account's app
     * passwords share one salt, so this costs one scrypt derivation however many there are; a
     * candidate not of the app-password form costs none (it cannot match).
     */
    Optional<AppPasswordGrant> verify(Did did, String candidate) {
        String password = candidate.toLowerCase(Locale.ROOT);
        if (!FORM.matcher(password).matches()) return Optional.empty();
        List<AppPasswordRow> rows = db.read(s -> AppPasswordTable.forAccount(s, did));
        if (rows.isEmpty()) {
            hasher.burn(password);
            return Optional.empty();
        }
        Map<String, byte[]> derivedBySetting = new HashMap<>();
        Optional<AppPasswordGrant> found = Optional.empty();
        for (AppPasswordRow row : rows) {
            Optional<ScryptHash> hash = ScryptHash.parse(row.passwordHash());
            if (hash.isEmpty()) continue;
            byte[] derived = derivedBySetting.computeIfAbsent(hash.get().setting(), k -> hasher.derive(password, hash.get()));
            // no early exit: every row is compared, so timing does not say which one matched
            if (hash.get().matches(derived) && found.isEmpty()) {
                found = Optional.of(new AppPasswordGrant(row.name(), row.privileged()));
            }
        }
        return found;
    }

    /** Whether a password has the app-password form (a user's own password could too, rarely: both are then tried). */
    static boolean hasAppPasswordForm(String password) {
        return FORM.matcher(password.toLowerCase(Locale.ROOT)).matches();
    }

    private String generate() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        String chars = Base32.encode(bytes);
        return chars.substring(0, 4) + "-" + chars.substring(4, 8) + "-" + chars.substring(8, 12) + "-" + chars.substring(12, 16);
    }

    /**
     * The salt of an account's app passwords, derived from its DID. App passwords are random and
     * long, so a shared salt loses nothing against guessing, and it lets one derivation serve them all.
     */
    private static byte[] accountSalt(Did did) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("aurora-locus app password " + did.value()).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, PasswordHasher.SALT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
