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

    /** An account signed up over HTTP: its DID, handle, e-mail and the sign-up session's tokens. */
    public record SignedUp(Did did, String handle, String email, String accessJwt, String refreshJwt) {
        /** The Authorization header of the sign-up session, as varargs for {@link TestPds#get}/{@link TestPds#post}. */
        public String[] auth() {
            return new String[] {"Authorization", "Bearer " + accessJwt};
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Signs up a new account through com.atproto.server.createAccount, as a client would, with a
     * handle {@code <prefix><n>.test} and e-mail {@code <prefix><n>@example.com}.
     */
    public static SignedUp signUp(TestPds pds, String prefix, String password) {
        String name = prefix + NEXT.incrementAndGet();
        String handle = name + ".test";
        String email = name + "@example.com";
        var r = pds.post("/xrpc/com.atproto.server.createAccount",
                "{\"handle\":\"" + handle + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) throw new AssertionError("sign-up failed: " + r.text());
        return new SignedUp(Did.parse(r.json().get("did").asText()), handle, email, r.json().get("accessJwt").asText(),
                r.json().get("refreshJwt").asText());
    }

    /** A syntactically valid did:plc (24 base32 characters) that no directory knows. */
    public static Did randomPlcDid() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Did.parse("did:plc:" + Base32.encode(bytes));
    }
}
