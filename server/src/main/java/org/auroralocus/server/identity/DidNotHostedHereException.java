package org.auroralocus.server.identity;

/** The account's DID document does not (yet) name this server and the account's key here; the message says what is off. */
public final class DidNotHostedHereException extends RuntimeException {
    DidNotHostedHereException(String message) {
        super(message, null, false, false);
    }
}
