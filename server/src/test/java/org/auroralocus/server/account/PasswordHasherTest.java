package org.auroralocus.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String stored = hasher.hash("hunter2 hunter2");
        assertTrue(hasher.verify("hunter2 hunter2", stored));
        assertFalse(hasher.verify("hunter2 hunter3", stored));
        assertFalse(hasher.verify("", stored));
    }

    @Test
    void theStoredFormCarriesTheOfficialCostAndARandomSalt() {
        String a = hasher.hash("same password");
        String b = hasher.hash("same password");
        assertTrue(a.startsWith("scrypt$16384$8$1$"), a);
        assertNotEquals(a, b, "each hash gets its own salt");
        String[] parts = a.split("\\$");
        assertEquals(16, Base64.getUrlDecoder().decode(parts[4]).length);
        assertEquals(64, Base64.getUrlDecoder().decode(parts[5]).length);
    }

    @Test
    void theHashIsPlainScryptOfTheUtf8Password() {
        String stored = hasher.hash("pässword");
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getUrlDecoder().decode(parts[4]);
        byte[] expected = SCrypt.generate("pässword".getBytes(StandardCharsets.UTF_8), salt, 16384, 8, 1, 64);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected), parts[5]);
    }

    @Test
    void parametersAreReadFromTheStoredHash() {
        byte[] salt = "a fixed salt....".getBytes(StandardCharsets.UTF_8);
        byte[] key = SCrypt.generate("cheap".getBytes(StandardCharsets.UTF_8), salt, 1024, 4, 2, 32);
        String stored = new ScryptHash(1024, 4, 2, salt, key).encode();
        assertTrue(hasher.verify("cheap", stored));
        assertFalse(hasher.verify("costly", stored));
    }

    @Test
    void aTamperedOrUnreadableHashNeverVerifies() {
        String stored = hasher.hash("secret");
        String[] parts = stored.split("\\$");
        char last = parts[5].charAt(0);
        parts[5] = (last == 'A' ? 'B' : 'A') + parts[5].substring(1);
        assertFalse(hasher.verify("secret", String.join("$", parts)));
        assertFalse(hasher.verify("secret", "bcrypt$whatever"));
        assertFalse(hasher.verify("secret", "scrypt$3$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5"), "N not a power of two");
        assertFalse(hasher.verify("secret", "scrypt$1073741824$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5"), "N beyond the bound");
        assertFalse(hasher.verify("secret", "scrypt$16384$8$1$%%%$%%%"));
    }

    @Test
    void theStoredFormHidesTheKeyFromToString() {
        ScryptHash hash = ScryptHash.parse(hasher.hash("secret")).orElseThrow();
        assertFalse(hash.toString().contains(hash.encode().substring(hash.setting().length() + 1)));
    }
}
