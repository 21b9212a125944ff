package org.auroralocus.server.db;

/** A database failure that is not the caller's fault (I/O, corruption, a bug in a query). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
