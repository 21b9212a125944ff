package org.auroralocus.server.xrpc;

/** The input of a procedure that takes no body, and the parameters of a query that takes none. */
public record NoInput() {}
