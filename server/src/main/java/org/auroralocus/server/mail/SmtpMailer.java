package org.auroralocus.server.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.EmailTokenPurpose;
import org.auroralocus.server.config.EmailSetting;

/**
 * Sends through the configured SMTP server (jakarta.mail): plain text and HTML alternatives. Sending
 * runs on the request's thread, bounded by {@link #TIMEOUT} for connecting and for each read and
 * write, so an unreachable mail server fails the request instead of holding it.
 */
final class SmtpMailer implements Mailer {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(SmtpMailer.class.getName());

    private final EmailSetting setting;
    private final Session session;

    SmtpMailer(EmailSetting setting) {
        this.setting = setting;
        this.session = Session.getInstance(properties(setting));
    }

    private static Properties properties(EmailSetting setting) {
        String protocol = setting.implicitTls() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", setting.host());
        p.setProperty(prefix + "port", Integer.toString(setting.port()));
        p.setProperty(prefix + "auth", Boolean.toString(setting.username().isPresent()));
        String millis = Long.toString(TIMEOUT.toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        if (setting.implicitTls()) p.setProperty(prefix + "ssl.checkserveridentity", "true");
        return p;
    }

    @Override public void sendCode(Did did, String address, EmailTokenPurpose purpose, String code) {
        MailTemplate mail = MailTemplate.of(purpose).withCode(code);
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            send(address, mail.subject(), new MimeMultipart("alternative", text, html));
        } catch (MessagingException e) {
            throw new MailException("could not send the " + purpose.value() + " mail for " + did, e);
        }
        LOG.log(System.Logger.Level.INFO, "{0} mail sent for did={1}", purpose.value(), did);
    }

    @Override public void sendMessage(Did did, String address, String subject, String content) {
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(content, "UTF-8", "plain");
            send(address, subject, new MimeMultipart(text));
        } catch (MessagingException e) {
            throw new MailException("could not send the administrator's message to " + did, e);
        }
        LOG.log(System.Logger.Level.INFO, "administrator''s message sent to did={0}", did);
    }

    private void send(String address, String subject, MimeMultipart content) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(setting.fromAddress()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setContent(content);
        try (Transport transport = session.getTransport()) {
            transport.connect(setting.username().orElse(null),
                    setting.password().map(org.auroralocus.server.config.Secret::value).orElse(null));
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
