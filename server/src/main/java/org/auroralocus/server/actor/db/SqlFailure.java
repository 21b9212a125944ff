package org.auroralocus.server.actor.db;

/**
 * A SQL failure inside a lookup that cannot declare {@code SQLException} (a block source read by
 * the MST). Not the client's fault: it reaches the request boundary as a 500.
 */
public final class SqlFailure extends RuntimeException {
    public SqlFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
