package org.auroralocus.server.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Hashes and checks passwords with scrypt at the official PDS's cost (N=16384, r=8, p=1, a 64-byte
 * key) and a random 16-byte salt. Hashing runs on the calling (request) thread, never on a
 * database thread, and at most one hash per core runs at once: each takes 16 MiB and tens of
 * milliseconds, so a burst of logins waits here instead of exhausting memory.
 */
public final class PasswordHasher {
    static final int N = 16384;
    static final int R = 8;
    static final int P = 1;
    static final int KEY_LENGTH = 64;
    static final int SALT_LENGTH = 16;

    private final SecureRandom random;
    private final Semaphore permits;
    private final ScryptHash decoy;

    public PasswordHasher(SecureRandom random) {
        this.random = random;
        this.permits = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
        byte[] salt = randomSalt();
        this.decoy = new ScryptHash(N, R, P, salt, new byte[KEY_LENGTH]);
    }

    /** A new hash of {@code password} with a fresh random salt, in its stored form. */
    public String hash(String password) {
        return hash(password, randomSalt());
    }

    /** A hash with a chosen salt (app passwords use one salt per account, so one derivation checks them all). */
    String hash(String password, byte[] salt) {
        ScryptHash setting = new ScryptHash(N, R, P, salt, new byte[KEY_LENGTH]);
        return new ScryptHash(N, R, P, salt, derive(password, setting)).encode();
    }

    /** Whether {@code password} is the one {@code stored} was made from; false for a hash this version cannot read. */
    public boolean verify(String password, String stored) {
        Optional<ScryptHash> hash = ScryptHash.parse(stored);
        if (hash.isEmpty()) {
            burn(password);
            return false;
        }
        return hash.get().matches(derive(password, hash.get()));
    }

    /**
     * Spends the time a check would, for an account that does not exist or has no password, so
     * that timing does not tell an attacker which identifiers are real.
     */
    void burn(String password) {
        derive(password, decoy);
    }

    /** The key {@code password} derives under {@code setting}'s parameters and salt. */
    byte[] derive(String password, ScryptHash setting) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        permits.acquireUninterruptibly();
        try {
            return SCrypt.generate(bytes, setting.salt(), setting.n(), setting.r(), setting.p(), setting.key().length);
        } finally {
            permits.release();
        }
    }

    private byte[] randomSalt() {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }
}
