package org.auroralocus.server.mail;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.EmailTokenPurpose;

/** Delivers an e-mailed code to an account holder. */
public interface Mailer {
    /**
     * Sends {@code code} for {@code purpose} to {@code address}, the address of account {@code did}.
     *
     * @throws MailException when the message could not be handed to the mail server
     */
    void sendCode(Did did, String address, EmailTokenPurpose purpose, String code);

    /** The SMTP mailer when SMTP is configured, else the one that logs the codes. */
    static Mailer forSetting(java.util.Optional<org.auroralocus.server.config.EmailSetting> setting) {
        return setting.<Mailer>map(SmtpMailer::new).orElseGet(LoggingMailer::new);
    }
}
