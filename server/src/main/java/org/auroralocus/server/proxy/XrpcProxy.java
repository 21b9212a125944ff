package org.auroralocus.server.proxy;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.auth.MethodSet;
import org.auroralocus.server.xrpc.Auth;
import org.auroralocus.server.xrpc.Authenticator;
import org.auroralocus.server.xrpc.Caller;
import org.auroralocus.server.xrpc.XrpcDispatcher;
import org.auroralocus.server.xrpc.XrpcException;

/**
 * The handler for every valid NSID this server does not serve, as the official PDS's proxy handler:
 * protected methods are refused, the target service is chosen ({@link ProxyRouting}), the caller must
 * hold an access token (a privileged one for direct messages), and the request goes upstream with a
 * service JWT from the account ({@code iss} its DID, {@code aud} the bare service DID, {@code lxm} the
 * method). The answer is streamed back; upstream errors are mapped by {@link UpstreamErrors}, and the
 * answers read-after-write applies to may be patched with the account's newest records first.
 */
public final class XrpcProxy implements XrpcDispatcher.Fallback {
    private static final System.Logger LOG = System.getLogger(XrpcProxy.class.getName());

    private final ProxyRouting routing;
    private final UpstreamClient upstream;
    private final ServiceTokens tokens;
    private final Authenticator authenticator;
    private final ReadAfterWrite readAfterWrite;
    private final FeedGenerators feeds;
    private final LocalThreads threads;

    public XrpcProxy(Proxying proxying, Authenticator authenticator) {
        this.routing = proxying.routing();
        this.upstream = proxying.upstream();
        this.tokens = new ServiceTokens(proxying.jwts(), proxying.actors());
        this.readAfterWrite = proxying.readAfterWrite();
        this.feeds = proxying.feeds();
        this.threads = proxying.threads();
        this.authenticator = authenticator;
    }

    @Override public boolean handle(Nsid nsid, ServerRequest req, ServerResponse res) {
        if (MethodSet.PROTECTED.contains(nsid)) throw XrpcException.invalidToken("Bad token method");
        Optional<ProxyTarget> target = routing.target(nsid, req.headers().first(HeaderNames.create(ProxyRouting.HEADER)));
        if (target.isEmpty()) return false;
        Caller.User user = (Caller.User) authenticator.authenticate(Auth.ACCESS, nsid,
                req.headers().first(HeaderNames.AUTHORIZATION));
        if (MethodSet.PRIVILEGED.contains(nsid)
                && user.scope() != Caller.Scope.ACCESS && user.scope() != Caller.Scope.APP_PASS_PRIVILEGED) {
            throw XrpcException.invalidToken("Bad token method");
        }
        // getFeed: the token is for the feed generator, which the AppView calls with it
        Optional<FeedGenerators.Audience> feed = feeds.audienceFor(nsid, req.query().rawValue());
        String aud = feed.map(f -> f.did().value()).orElse(target.get().did().value());
        Nsid lxm = feed.map(FeedGenerators.Audience::lxm).orElse(nsid);
        String token = tokens.mint(user.did(), aud, lxm);

        Method method = req.prologue().method();
        boolean withBody = method == Method.POST && req.content().hasEntity();
        String query = req.query().rawValue();
        String path = req.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
        HttpResponse<InputStream> answer = upstream.send(target.get().resolve(path), method.text(),
                ProxyHeaders.upstream(req, withBody, token), withBody ? body(req) : HttpRequest.BodyPublishers.noBody());
        if (answer.statusCode() >= 400) {
            XrpcException error = UpstreamErrors.from(answer);
            // read-after-write: a post of the caller's the AppView has not seen yet is shown from here
            if (threads.respond(nsid, user.did(), error, answer.headers().firstValue(ProxyHeaders.REPO_REV),
                    req.query().first("uri").asOptional(), req.query().first("parentHeight").asOptional(), res)) {
                return true;
            }
            ProxyHeaders.copy(answer.headers(), ProxyHeaders.ANSWER_HEADERS, res);
            throw error;
        }
        if (!readAfterWrite.respond(nsid, user.did(), answer, res)) stream(answer, res, method == Method.HEAD);
        return true;
    }

    /** The client's body, streamed as it arrives; with its length when it was declared. */
    private static HttpRequest.BodyPublisher body(ServerRequest req) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> req.content().inputStream());
        Optional<Long> length = req.headers().first(HeaderNames.CONTENT_LENGTH).flatMap(XrpcProxy::parseLong);
        return length.map(n -> HttpRequest.BodyPublishers.fromPublisher(stream, n)).orElse(stream);
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Streams a successful answer with its status and headers. If the upstream fails before the first
     * byte, the client still gets a 502; once bytes have gone out, the connection is all that can be cut.
     */
    static void stream(HttpResponse<InputStream> answer, ServerResponse res, boolean head) {
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[16 * 1024];
            int n = head ? -1 : readFirst(in, buffer);
            res.status(answer.statusCode());
            ProxyHeaders.copy(answer.headers(), ProxyHeaders.CONTENT_HEADERS, res);
            ProxyHeaders.copy(answer.headers(), ProxyHeaders.ANSWER_HEADERS, res);
            if (n < 0) {
                res.send();
                return;
            }
            try (OutputStream out = res.outputStream()) {
                while (n >= 0) {
                    out.write(buffer, 0, n);
                    n = in.read(buffer);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "proxied answer cut short: {0}", e.toString());
        }
    }

    private static int readFirst(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw UpstreamClient.unreachable();
        }
    }
}
