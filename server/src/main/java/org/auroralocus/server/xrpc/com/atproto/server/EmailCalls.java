package org.auroralocus.server.xrpc.com.atproto.server;

import java.util.function.Supplier;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.EmailTokenException;
import org.auroralocus.server.mail.MailException;
import org.auroralocus.server.xrpc.XrpcException;

/** The XRPC errors of the e-mail endpoints, as the official PDS answers them. */
final class EmailCalls {
    private EmailCalls() {}

    /** Runs {@code call}, turning the account layer's refusals into the lexicon's errors. */
    static <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (EmailTokenException e) {
            throw e.expired() ? XrpcException.expiredToken(e.getMessage()) : XrpcException.invalidToken(e.getMessage());
        } catch (AccountException e) {
            if (e.problem() == AccountException.Problem.NOT_FOUND) throw XrpcException.invalidRequest("account not found");
            if (e.problem() == AccountException.Problem.EMAIL_NOT_AVAILABLE) throw XrpcException.invalidRequest(e.getMessage());
            throw e;
        } catch (MailException e) {
            // the mail server's fault, not the client's: say so rather than a bare 500
            throw new XrpcException(502, "UpstreamFailure", "Could not send the email; try again later");
        } catch (IllegalStateException e) {
            throw XrpcException.invalidRequest(e.getMessage());
        }
    }
}
