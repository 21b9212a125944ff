package org.auroralocus.server.auth;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;

/**
 * Whom a service token is for: an atproto DID ({@code did:plc}, or hostname-level {@code did:web}
 * with a port only on localhost), optionally with a {@code #serviceId} fragment such as
 * {@code did:web:api.bsky.app#bsky_appview}. Holding one means it passed the checks the official
 * getServiceAuth makes on its {@code aud} parameter.
 */
public record ServiceAudience(Did did, Optional<String> serviceId) {
    private static final String PLC_PREFIX = "did:plc:";
    private static final String WEB_PREFIX = "did:web:";
    private static final int PLC_LENGTH = 32;
    private static final String PLC_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String ESCAPED_COLON = "%3a";
    /** RFC 3986: unreserved, sub-delims, ':' and '@' (pchar), and '/' and '?'. */
    private static final String FRAGMENT_PUNCTUATION = "-._~!$&'()*+,;=:@/?";

    public ServiceAudience {
        if (!isAtprotoDid(did.value())) throw new IllegalArgumentException("not a did:plc or hostname-level did:web: " + did);
        if (serviceId.isPresent() && !isFragment(serviceId.get())) {
            throw new IllegalArgumentException("not a valid DID fragment: " + serviceId.get());
        }
    }

    /** Parses {@code did} or {@code did#serviceId}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ServiceAudience parse(String raw) {
        int hash = raw.indexOf('#');
        String did = hash < 0 ? raw : raw.substring(0, hash);
        if (!Did.isValid(did)) throw new IllegalArgumentException("not a DID: " + did);
        return new ServiceAudience(Did.parse(did), hash < 0 ? Optional.empty() : Optional.of(raw.substring(hash + 1)));
    }

    @Override public String toString() {
        return serviceId.map(id -> did.value() + "#" + id).orElse(did.value());
    }

    private static boolean isAtprotoDid(String did) {
        if (did.startsWith(PLC_PREFIX)) {
            return did.length() == PLC_LENGTH
                    && did.substring(PLC_PREFIX.length()).chars().allMatch(c -> PLC_ALPHABET.indexOf(c) >= 0);
        }
        if (!did.startsWith(WEB_PREFIX)) return false;
        // a path is a further ':'; the one escape a host may carry is its port separator, on localhost only
        String id = did.substring(WEB_PREFIX.length()).toLowerCase(Locale.ROOT);
        if (id.isEmpty() || id.contains(":")) return false;
        int port = id.indexOf(ESCAPED_COLON);
        String host = port < 0 ? id : id.substring(0, port);
        if (host.isEmpty() || host.contains("%")) return false;
        if (port < 0) return true;
        String digits = id.substring(port + ESCAPED_COLON.length());
        return host.equals("localhost") && !digits.isEmpty() && digits.length() <= 5
                && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** RFC 3986 fragment characters, non-empty and without a second '#'. */
    private static boolean isFragment(String fragment) {
        if (fragment.isEmpty()) return false;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '%') {
                if (i + 2 >= fragment.length()
                        || !HexFormat.isHexDigit(fragment.charAt(i + 1)) || !HexFormat.isHexDigit(fragment.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isAsciiAlphanumeric(c) && FRAGMENT_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
