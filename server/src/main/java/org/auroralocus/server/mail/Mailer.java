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

    /**
     * Sends the administrator's plain-text message to {@code address}, the address of account {@code did}
     * (com.atproto.admin.sendEmail).
     *
     * @throws MailException when the message could not be handed to the mail server
     */
    void sendMessage(Did did, String address, String subject, String content);

    /** The SMTP mailer when SMTP is configured, else the one that logs the codes. */
    static Mailer forSetting(java.util.Optional<org.auroralocus.server.config.EmailSetting> setting) {
        return setting.<Mailer>map(SmtpMailer::new).orElseGet(LoggingMailer::new);
    }
}
