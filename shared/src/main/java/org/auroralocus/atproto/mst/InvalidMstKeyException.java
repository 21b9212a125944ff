package org.auroralocus.atproto.mst;

/** A string that cannot be an MST key (see the repository spec's repo-path rules). */
public final class InvalidMstKeyException extends IllegalArgumentException {
    private final String key;

    InvalidMstKeyException(String key, String problem) {
        super("invalid MST key " + quoted(key) + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }

    private static String quoted(String key) {
        if (key == null) return "null";
        return key.length() > 80 ? "\"" + key.substring(0, 80) + "...\"" : "\"" + key + "\"";
    }
}
