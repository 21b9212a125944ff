package org.auroralocus.server.mail;

/** A message could not be handed to the SMTP server (unreachable, refused, timed out). */
public final class MailException extends RuntimeException {
    MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
