package org.auroralocus.server.xrpc;

/** The output of a procedure that answers an empty 200. */
public record NoOutput() {
    public static final NoOutput INSTANCE = new NoOutput();
}
