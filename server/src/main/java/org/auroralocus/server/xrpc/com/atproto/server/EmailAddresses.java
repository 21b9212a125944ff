package org.auroralocus.server.xrpc.com.atproto.server;

/**
 * A plausibility check of e-mail addresses at sign-up: one {@code @}, a local part, a domain with a
 * dot, no spaces or control characters, at most 254 characters. Delivery is what really proves an
 * address; this only turns away typos and junk early.
 */
final class EmailAddresses {
    private EmailAddresses() {}

    static boolean isPlausible(String email) {
        if (email.length() > 254) return false;
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) return false;
        String domain = email.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) return false;
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c == 0x7f) return false;
        }
        return true;
    }
}
