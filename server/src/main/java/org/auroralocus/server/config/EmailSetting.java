package org.auroralocus.server.config;

import java.util.Optional;

/**
 * The SMTP server codes are mailed through ({@code PDS_EMAIL_SMTP_URL}, {@code smtp://} or
 * {@code smtps://user:password@host:port}) and the sender address ({@code PDS_EMAIL_FROM_ADDRESS}).
 *
 * @param implicitTls {@code smtps}: TLS from the first byte; plain {@code smtp} otherwise
 */
public record EmailSetting(boolean implicitTls, String host, int port, Optional<String> username,
                           Optional<Secret> password, String fromAddress) {
    public EmailSetting {
        if (host.isBlank()) throw new IllegalArgumentException("the SMTP host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("not a port: " + port);
        if (password.isPresent() && username.isEmpty()) throw new IllegalArgumentException("a password needs a user");
        if (!fromAddress.contains("@")) throw new IllegalArgumentException("not an address: " + fromAddress);
    }
}
