package org.auroralocus.server.xrpc.com.atproto.server;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.account.AccountException;
import org.auroralocus.server.account.EmailTokenException;
import org.auroralocus.server.mail.MailException;
import org.auroralocus.server.ratelimit.RateLimit;
import org.auroralocus.server.xrpc.RouteLimit;
import org.auroralocus.server.xrpc.XrpcException;

/** The XRPC errors of the e-mail endpoints, as the official PDS answers them. */
final class EmailCalls {
    private EmailCalls() {}

    /**
     * The official limits of the methods that mail the caller a code: 15 a day and 5 an hour per
     * account, so that a stolen session cannot flood the holder's inbox.
     */
    static List<RouteLimit> mailsPerAccount(Nsid nsid) {
        return List.of(RouteLimit.perAccount(new RateLimit(nsid + "-day", 15, Duration.ofDays(1))),
                RouteLimit.perAccount(new RateLimit(nsid + "-hour", 5, Duration.ofHours(1))));
    }

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
