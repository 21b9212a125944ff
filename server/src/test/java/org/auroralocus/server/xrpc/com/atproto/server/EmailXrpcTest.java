package org.auroralocus.server.xrpc.com.atproto.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auroralocus.server.TestAccounts;
import org.auroralocus.server.TestClock;
import org.auroralocus.server.TestPds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The e-mail endpoints end to end: a real SMTP server (GreenMail, on loopback) receives the mail,
 * and the test types the code it finds in the message, as a user would.
 */
class EmailXrpcTest {
    private static final Pattern CODE = Pattern.compile("\\b[A-Z2-7]{5}-[A-Z2-7]{5}\\b");
    private static final String PASSWORD = "correct horse";

    @TempDir static Path dir;
    static GreenMail smtp;
    static TestClock clock;
    static TestPds pds;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock = TestClock.startingNow();
        pds = TestPds.start(dir, Map.of("PDS_EMAIL_SMTP_URL", "smtp://localhost:" + port,
                "PDS_EMAIL_FROM_ADDRESS", "pds@aurora.test"), clock);
    }

    @AfterAll
    static void stop() {
        if (pds != null) pds.close();
        if (smtp != null) smtp.stop();
    }

    private static List<MimeMessage> mailTo(String address) throws MessagingException {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                to.add(m);
            }
        }
        return to;
    }

    /** The code in the latest message to {@code address}, which must be in both the text and the HTML part. */
    private static String latestCode(String address) throws MessagingException {
        List<MimeMessage> messages = mailTo(address);
        assertFalse(messages.isEmpty(), "no mail to " + address);
        MimeMessage last = messages.getLast();
        assertEquals("pds@aurora.test", last.getFrom()[0].toString());
        String whole = GreenMailUtil.getWholeMessage(last);
        assertTrue(whole.contains("text/plain") && whole.contains("text/html"), whole);
        Matcher m = CODE.matcher(whole);
        assertTrue(m.find(), "no code in: " + whole);
        String code = m.group();
        assertTrue(m.find() && m.group().equals(code), "the code is in both parts");
        return code;
    }

    private static TestPds.Response post(String nsid, String json, String... headers) {
        return pds.post("/xrpc/com.atproto.server." + nsid, json, headers);
    }

    private static TestPds.Response session(TestAccounts.SignedUp user) {
        return pds.get("/xrpc/com.atproto.server.getSession", user.auth());
    }

    private static void confirm(TestAccounts.SignedUp user, String email) throws MessagingException {
        assertEquals(200, post("requestEmailConfirmation", "", user.auth()).status());
        var r = post("confirmEmail", "{\"email\":\"" + email + "\",\"token\":\"" + latestCode(email) + "\"}", user.auth());
        assertEquals(200, r.status(), r.text());
    }

    @Test
    void theMailedCodeConfirmsTheAddressOnce() throws MessagingException {
        var user = TestAccounts.signUp(pds, "confirm", PASSWORD);
        assertFalse(session(user).json().get("emailConfirmed").asBoolean());
        assertEquals(200, post("requestEmailConfirmation", "", user.auth()).status());
        String code = latestCode(user.email());
        assertEquals("Confirm your email address", mailTo(user.email()).getLast().getSubject());

        var wrongAddress = post("confirmEmail", "{\"email\":\"other@example.com\",\"token\":\"" + code + "\"}", user.auth());
        assertEquals(400, wrongAddress.status());
        assertEquals("InvalidEmail", wrongAddress.error());
        var wrongCode = post("confirmEmail", "{\"email\":\"" + user.email() + "\",\"token\":\"AAAAA-AAAAA\"}", user.auth());
        assertEquals("InvalidToken", wrongCode.error());

        var ok = post("confirmEmail", "{\"email\":\"" + user.email() + "\",\"token\":\"" + code.toLowerCase() + "\"}", user.auth());
        assertEquals(200, ok.status(), ok.text());
        assertTrue(session(user).json().get("emailConfirmed").asBoolean());
        var again = post("confirmEmail", "{\"email\":\"" + user.email() + "\",\"token\":\"" + code + "\"}", user.auth());
        assertEquals("InvalidToken", again.error(), "a code works once");
    }

    @Test
    void aCodeExpiresAfterFifteenMinutes() throws MessagingException {
        var user = TestAccounts.signUp(pds, "expire", PASSWORD);
        assertEquals(200, post("requestEmailConfirmation", "", user.auth()).status());
        String code = latestCode(user.email());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var r = post("confirmEmail", "{\"email\":\"" + user.email() + "\",\"token\":\"" + code + "\"}", user.auth());
        assertEquals(400, r.status());
        assertEquals("ExpiredToken", r.error());
    }

    @Test
    void aPasswordResetReplacesTheOldPasswordAndEndsSessions() throws MessagingException {
        var user = TestAccounts.signUp(pds, "reset", PASSWORD);
        var r = post("requestPasswordReset", "{\"email\":\"" + user.email().toUpperCase() + "\"}");
        assertEquals(200, r.status(), r.text());
        String code = latestCode(user.email());
        assertEquals("InvalidToken", post("resetPassword", "{\"token\":\"AAAAA-AAAAA\",\"password\":\"new pass\"}").error());

        var reset = post("resetPassword", "{\"token\":\"" + code + "\",\"password\":\"battery staple\"}");
        assertEquals(200, reset.status(), reset.text());
        String login = "{\"identifier\":\"" + user.handle() + "\",\"password\":\"%s\"}";
        assertEquals(401, post("createSession", login.formatted(PASSWORD)).status(), "the old password is refused");
        assertEquals(200, post("createSession", login.formatted("battery staple")).status());
        assertEquals(400, post("refreshSession", "", "Authorization", "Bearer " + user.refreshJwt()).status(),
                "sessions of the old password end");
        assertEquals("InvalidToken",
                post("resetPassword", "{\"token\":\"" + code + "\",\"password\":\"third one\"}").error(), "a code works once");
    }

    @Test
    void aResetForAnUnknownAddressSucceedsAndSendsNothing() throws MessagingException {
        int before = smtp.getReceivedMessages().length;
        var r = post("requestPasswordReset", "{\"email\":\"nobody-here@example.com\"}");
        assertEquals(200, r.status(), r.text());
        assertEquals(before, smtp.getReceivedMessages().length);
    }

    @Test
    void anUnconfirmedAddressChangesWithoutACodeAConfirmedOneNeedsTheMailedCode() throws MessagingException {
        var user = TestAccounts.signUp(pds, "update", PASSWORD);
        var first = post("requestEmailUpdate", "", user.auth());
        assertEquals(200, first.status(), first.text());
        assertFalse(first.json().get("tokenRequired").asBoolean());
        assertTrue(mailTo(user.email()).isEmpty(), "no code is mailed for an unconfirmed address");
        String second = "second-" + user.email();
        assertEquals(200, post("updateEmail", "{\"email\":\"" + second + "\"}", user.auth()).status());
        assertEquals(second, session(user).json().get("email").asText());

        confirm(user, second);
        var request = post("requestEmailUpdate", "", user.auth());
        assertTrue(request.json().get("tokenRequired").asBoolean());
        String code = latestCode(second);
        String third = "third-" + user.email();
        var without = post("updateEmail", "{\"email\":\"" + third + "\"}", user.auth());
        assertEquals(400, without.status());
        assertEquals("TokenRequired", without.error());
        var ok = post("updateEmail", "{\"email\":\"" + third + "\",\"token\":\"" + code + "\"}", user.auth());
        assertEquals(200, ok.status(), ok.text());
        var now = session(user).json();
        assertEquals(third, now.get("email").asText());
        assertFalse(now.get("emailConfirmed").asBoolean(), "the new address is not confirmed yet");
    }

    @Test
    void anAddressOfAnotherAccountIsRefused() {
        var one = TestAccounts.signUp(pds, "taken", PASSWORD);
        var other = TestAccounts.signUp(pds, "taker", PASSWORD);
        var r = post("updateEmail", "{\"email\":\"" + one.email() + "\"}", other.auth());
        assertEquals(400, r.status());
        assertEquals(other.email(), session(other).json().get("email").asText());
    }

    @Test
    void withoutSmtpTheRequestsSucceedAndTheCodeGoesToTheLog(@TempDir Path other) {
        Logger logger = Logger.getLogger("org.auroralocus.server.mail.LoggingMailer");
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) {
                logged.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }
            @Override public void flush() {}
            @Override public void close() {}
        };
        logger.addHandler(capture);
        int before = smtp.getReceivedMessages().length;
        try (TestPds plain = TestPds.start(other, Map.of())) {
            var user = TestAccounts.signUp(plain, "nosmtp", PASSWORD);
            assertEquals(200, plain.post("/xrpc/com.atproto.server.requestEmailConfirmation", "", user.auth()).status());
            assertEquals(200, plain.post("/xrpc/com.atproto.server.requestPasswordReset",
                    "{\"email\":\"" + user.email() + "\"}").status());
            assertEquals(2, logged.size(), logged.toString());
            assertTrue(logged.getFirst().startsWith("mail not configured: confirm_email code for did=" + user.did()),
                    logged.getFirst());
            assertTrue(CODE.matcher(logged.getFirst()).find());
            assertTrue(logged.stream().noneMatch(line -> line.contains(user.email())), "the address is never logged");
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(before, smtp.getReceivedMessages().length);
    }
}
