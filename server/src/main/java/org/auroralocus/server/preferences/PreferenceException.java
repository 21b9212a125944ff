package org.auroralocus.server.preferences;

/** A putPreferences the account may not make; the message is the official one, for the client. */
public final class PreferenceException extends RuntimeException {
    PreferenceException(String message) {
        super(message, null, false, false);
    }
}
