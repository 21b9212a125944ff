package org.auroralocus.server.xrpc;

/**
 * A procedure endpoint (HTTP POST). {@code I} is a record bound from the JSON body ({@link NoInput}
 * when it takes none, {@link RawInput} for a binary body); {@code O} is its output record
 * ({@link NoOutput} for an empty 200).
 */
@FunctionalInterface
public interface XrpcProcedure<I extends Record, O> {
    O handle(I input, Caller caller);
}
