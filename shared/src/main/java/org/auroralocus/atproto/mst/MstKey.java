package org.auroralocus.atproto.mst;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.auroralocus.atproto.cbor.Cid;

/**
 * MST keys: the key rule, the byte form, and a key's height (its layer in the tree).
 * Keys are handled as UTF-8 bytes and ordered bytewise, as the spec orders them.
 */
final class MstKey {
    /** https://atproto.com/specs/repository: a repo path is at most this long. */
    static final int MAX_LENGTH = 1024;

    private MstKey() {}

    /**
     * The key's bytes, after checking the MST key rule: {@code <collection>/<rkey>}, both parts
     * non-empty, only {@code A-Za-z0-9 . - _ ~ :} besides the one slash, neither part {@code .} or
     * {@code ..}. This is looser than NSID plus record-key syntax on purpose: it is the rule the
     * official implementations apply to MST keys, and trees built with it (the interop fixtures use
     * keys such as {@code A0/374913}) must load and hash the same here.
     */
    static byte[] bytes(String key) {
        String problem = problem(key);
        if (problem != null) throw new InvalidMstKeyException(key, problem);
        return key.getBytes(StandardCharsets.US_ASCII);
    }

    /** The rule for keys read from storage; ISO-8859-1 maps each byte to one char, so non-ASCII bytes fail it. */
    static boolean isValid(byte[] key) {
        return problem(new String(key, StandardCharsets.ISO_8859_1)) == null;
    }

    /** Why the key breaks the rule, or null when it does not. */
    private static String problem(String key) {
        if (key == null || key.isEmpty()) return "empty";
        if (key.length() > MAX_LENGTH) return "longer than " + MAX_LENGTH + " characters";
        int slash = key.indexOf('/');
        if (slash < 0 || key.indexOf('/', slash + 1) >= 0) return "must have exactly one '/'";
        String collection = key.substring(0, slash);
        String rkey = key.substring(slash + 1);
        if (collection.isEmpty() || rkey.isEmpty()) return "collection and record key must not be empty";
        if (collection.equals(".") || collection.equals("..") || rkey.equals(".") || rkey.equals("..")) {
            return "'.' and '..' are not path segments";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '/' || c == '.' || c == '-' || c == '_' || c == '~' || c == ':';
            if (!allowed) return "character '" + c + "' is not allowed";
        }
        return null;
    }

    static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    /**
     * The height of a key: leading zero bits of SHA-256(key), counted in 2-bit chunks (fanout 4).
     * Keys of height 0 sit in leaves; each height up holds about a quarter as many keys.
     */
    static int height(byte[] key) {
        MessageDigest sha = Cid.newSha256();
        byte[] hash = sha.digest(key);
        int zeroBits = 0;
        for (byte b : hash) {
            if (b == 0) {
                zeroBits += 8;
            } else {
                zeroBits += Integer.numberOfLeadingZeros(b & 0xff) - 24;
                break;
            }
        }
        return zeroBits / 2;
    }

    /** How many leading bytes two keys share: what a node's entry elides from the previous key. */
    static int commonPrefixLength(byte[] a, byte[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
