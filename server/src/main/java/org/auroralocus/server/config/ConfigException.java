package org.auroralocus.server.config;

/** A missing or invalid setting. Its message is one line naming the variable, fit to show a user as is. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
