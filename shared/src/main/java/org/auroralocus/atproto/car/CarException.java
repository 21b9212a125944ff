package org.auroralocus.atproto.car;

/** Bytes that are not a well-formed CAR v1 file, or one larger than the reader was allowed to accept. */
public final class CarException extends RuntimeException {
    public CarException(String message) {
        super(message);
    }

    public CarException(String message, Throwable cause) {
        super(message, cause);
    }
}
