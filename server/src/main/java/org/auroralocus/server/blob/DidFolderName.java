package org.auroralocus.server.blob;

import java.util.HexFormat;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.SyntaxException;

/**
 * The folder name of an account in the disk store. A DID cannot be a file name as it is: Windows
 * refuses {@code :}, and case-insensitive file systems (Windows, macOS) would merge two DIDs that
 * differ only in case. So {@code :} becomes {@code _}, and every character other than a lower-case
 * letter, a digit, {@code .} or {@code -} becomes {@code %XX}, as does a final {@code .} (Windows
 * drops it). The mapping is one-to-one, so one account can never reach another's folder, and
 * reversible, so the cleanup can tell whose uploads a folder holds. A did:plc keeps its readable
 * form: {@code did:plc:abc} is {@code did_plc_abc}.
 */
final class DidFolderName {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private DidFolderName() {}

    static String of(Did did) {
        String value = did.toString();
        StringBuilder name = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean last = i == value.length() - 1;
            if (c == ':') {
                name.append('_');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '.' && !last)) {
                name.append(c);
            } else {
                // DIDs are ASCII, so one byte per character
                name.append('%').append(HEX.toHexDigits((byte) c));
            }
        }
        return name.toString();
    }

    /** The DID a folder name stands for; empty for a name {@link #of} never makes. */
    static Optional<Did> parse(String name) {
        StringBuilder value = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                value.append(':');
            } else if (c == '%' && isHex(name, i + 1)) {
                value.append((char) HexFormat.fromHexDigits(name, i + 1, i + 3));
                i += 2;
            } else {
                value.append(c);
            }
        }
        try {
            Did did = Did.parse(value.toString());
            return of(did).equals(name) ? Optional.of(did) : Optional.empty();
        } catch (SyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isHex(String s, int from) {
        if (from + 2 > s.length()) return false;
        return HexFormat.isHexDigit(s.charAt(from)) && HexFormat.isHexDigit(s.charAt(from + 1));
    }
}
