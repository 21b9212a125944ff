package org.auroralocus.server.ratelimit;

/** A Redis server as {@code PDS_REDIS_SCRATCH_ADDRESS} names it: {@code host:port}. */
public record RedisAddress(String host, int port) {
    public RedisAddress {
        if (host.isBlank()) throw new IllegalArgumentException("a Redis address needs a host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("a Redis port is 1 to 65535: " + port);
    }

    /** Reads {@code host:port} (the port defaults to 6379, Redis's own). */
    public static RedisAddress parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) return new RedisAddress(s, 6379);
        try {
            return new RedisAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Redis address is host:port, got \"" + text + "\"");
        }
    }

    @Override public String toString() {
        return host + ":" + port;
    }
}
