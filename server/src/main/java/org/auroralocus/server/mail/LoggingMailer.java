package org.auroralocus.server.mail;

import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.server.account.EmailTokenPurpose;

/**
 * Without an SMTP server the code goes to the log, so that a development server (or an operator who
 * has not set up mail yet) can still pass it on. The address is never logged.
 */
final class LoggingMailer implements Mailer {
    private static final System.Logger LOG = System.getLogger(LoggingMailer.class.getName());

    @Override public void sendCode(Did did, String address, EmailTokenPurpose purpose, String code) {
        LOG.log(System.Logger.Level.WARNING, "mail not configured: {0} code for did={1}: {2}",
                purpose.value(), did, code);
    }

    /** Only that a message was not sent: its content is for the account holder, not for the log. */
    @Override public void sendMessage(Did did, String address, String subject, String content) {
        LOG.log(System.Logger.Level.WARNING, "mail not configured: a message from the administrator to did={0} was not sent", did);
    }
}
