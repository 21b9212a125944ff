package org.auroralocus.atproto.cbor;

/**
 * JSON that is not a value of the atproto data model (or not JSON at all). The message names the
 * place, as a path from the top-level value ({@code $.embed.images[0].image.size}), so that a
 * client can find its mistake.
 */
public final class DataJsonException extends IllegalArgumentException {
    private final String path;

    public DataJsonException(String path, String problem) {
        super("invalid atproto JSON at " + path + ": " + problem);
        this.path = path;
    }

    /** Where the problem is: {@code $} is the top-level value. */
    public String path() {
        return path;
    }
}
