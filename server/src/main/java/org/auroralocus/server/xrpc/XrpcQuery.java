package org.auroralocus.server.xrpc;

/**
 * A query endpoint (HTTP GET). {@code P} is a record of its parameters, bound and checked before
 * {@link #handle} runs; {@code O} is its output record (or {@link Output} for other encodings).
 */
@FunctionalInterface
public interface XrpcQuery<P extends Record, O> {
    O handle(P params, Caller caller);
}
