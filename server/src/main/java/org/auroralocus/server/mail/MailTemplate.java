package org.auroralocus.server.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.auroralocus.server.account.EmailTokenPurpose;

/**
 * The message for one purpose, from two resources next to this class: {@code <purpose>.txt}, whose
 * first line is the subject, and {@code <purpose>.html}. Both say {@code {{code}}} where the code goes.
 */
record MailTemplate(String subject, String text, String html) {
    private static final String PLACEHOLDER = "{{code}}";

    static MailTemplate of(EmailTokenPurpose purpose) {
        String text = resource(purpose.value() + ".txt");
        int newline = text.indexOf('\n');
        if (newline < 0) throw new IllegalStateException("template " + purpose.value() + ".txt has no body");
        return new MailTemplate(text.substring(0, newline).strip(), text.substring(newline + 1).strip() + "\n",
                resource(purpose.value() + ".html"));
    }

    /** The message with the code filled in (codes are base32 and a dash: nothing to escape in HTML). */
    MailTemplate withCode(String code) {
        if (!code.matches("[A-Za-z0-9-]+")) throw new IllegalArgumentException("not a code: " + code);
        return new MailTemplate(subject, text.replace(PLACEHOLDER, code), html.replace(PLACEHOLDER, code));
    }

    private static String resource(String name) {
        try (InputStream in = MailTemplate.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing mail template " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
