package org.auroralocus.server;

import java.security.SecureRandom;
import java.util.Optional;
import org.auroralocus.atproto.multibase.Base32;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.account.Account;

/**
 * Creates accounts straight through the server's {@code AccountService}, for tests that need
 * someone to log in before createAccount (which also needs PLC and a repository) is served.
 */
public final class TestAccounts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestAccounts() {}

    /** A fresh account with a random did:plc, the given handle (any case), e-mail and password. */
    public static Account create(TestPds pds, String handle, String email, String password) {
        return pds.server().accounts().create(randomPlcDid(), Handle.parse(handle), Optional.of(email),
                Optional.of(password), Optional.empty());
    }

    /** A syntactically valid did:plc (24 base32 characters) that no directory knows. */
    public static Did randomPlcDid() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Did.parse("did:plc:" + Base32.encode(bytes));
    }
}
