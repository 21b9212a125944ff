package org.auroralocus.server.account;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * A stored scrypt password hash with the parameters that made it, encoded
 * {@code scrypt$N$r$p$<salt>$<key>} (salt and key in unpadded base64url). Keeping the parameters
 * beside the hash lets a later version raise the cost without breaking existing passwords.
 */
record ScryptHash(int n, int r, int p, byte[] salt, byte[] key) {
    private static final String SCHEME = "scrypt";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Bounds for parameters read back from the database: a corrupted or hostile row must not make a
     * single login allocate gigabytes or spin for minutes.
     */
    private static final int MAX_N = 1 << 20;
    private static final int MAX_R = 32;
    private static final int MAX_P = 16;

    ScryptHash {
        boolean powerOfTwo = n > 1 && (n & (n - 1)) == 0;
        if (!powerOfTwo || n > MAX_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) {
            throw new IllegalArgumentException("scrypt parameters out of range: N=" + n + " r=" + r + " p=" + p);
        }
        if (salt.length < 8 || key.length < 16) throw new IllegalArgumentException("scrypt salt or key too short");
        salt = salt.clone();
        key = key.clone();
    }

    /** The hash in its stored form, or empty when it is not one this version can check. */
    static Optional<ScryptHash> parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 6 || !parts[0].equals(SCHEME)) return Optional.empty();
        try {
            return Optional.of(new ScryptHash(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), DECODER.decode(parts[4]), DECODER.decode(parts[5])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String encode() {
        return SCHEME + "$" + n + "$" + r + "$" + p + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(key);
    }

    /** Everything but the key: two hashes with the same setting derive the same key from the same password. */
    String setting() {
        return SCHEME + "$" + n + "$" + r + "$" + p + "$" + ENCODER.encodeToString(salt);
    }

    /** Constant-time, so the response time says nothing about how much of the key matched. */
    boolean matches(byte[] derived) {
        return MessageDigest.isEqual(key, derived);
    }

    @Override public byte[] salt() {
        return salt.clone();
    }

    @Override public byte[] key() {
        return key.clone();
    }

    @Override public String toString() {
        return setting() + "$hidden";
    }
}
