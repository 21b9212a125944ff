package org.auroralocus.server.blob;

import java.security.SecureRandom;
import org.auroralocus.atproto.multibase.Base32;

/**
 * Keys of temporary uploads: 160 random bits in lower-case base32, so a key is safe as a file name
 * and an S3 key on every platform and cannot be guessed. Keys handed back to a store are checked,
 * so a damaged database row can never point a store outside its temporary area.
 */
final class TempKeys {
    private final SecureRandom random;

    TempKeys(SecureRandom random) {
        this.random = random;
    }

    String next() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return Base32.encode(bytes);
    }

    static String check(String key) {
        if (!key.matches("[a-z2-7]{32}")) throw new IllegalArgumentException("not a temporary upload key: " + key);
        return key;
    }
}
