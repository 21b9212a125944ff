package org.auroralocus.server.xrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.auroralocus.atproto.syntax.Nsid;
import org.auroralocus.server.ratelimit.RateLimitStatus;
import org.auroralocus.server.ratelimit.RateLimiting;

/**
 * The one handler behind {@code /xrpc/{nsid}}: checks the path and method, authenticates, binds
 * the parameters or body, runs the endpoint and writes its output. Every failure leaves here as
 * {@code {"error", "message"}} with the official status; anything unexpected is a 500 with a fixed
 * message, and the stack trace goes to the log under an id the client sees.
 */
public final class XrpcDispatcher implements Handler {
    private static final System.Logger LOG = System.getLogger(XrpcDispatcher.class.getName());
    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final io.helidon.http.HeaderName BYPASS_HEADER = HeaderNames.create("x-ratelimit-bypass");

    /** What to do with a valid NSID this server does not serve (the AppView proxy, later). */
    @FunctionalInterface
    public interface Fallback {
        /** Handles the request, or returns false to answer "No service configured". */
        boolean handle(Nsid nsid, ServerRequest req, ServerResponse res);
    }

    private final XrpcRoutes routes;
    private final Authenticator authenticator;
    private final RecordBinder binder;
    private final RecordWriter writer;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Fallback fallback;
    private final Optional<RateLimiting> rateLimiting;
    private final Clock clock;

    public XrpcDispatcher(XrpcRoutes routes, Authenticator authenticator, JsonValues json, Fallback fallback) {
        this(routes, authenticator, json, fallback, Optional.empty(), Clock.systemUTC());
    }

    /** With rate limits (when on); {@code clock} dates the {@code RateLimit-Reset} header. */
    public XrpcDispatcher(XrpcRoutes routes, Authenticator authenticator, JsonValues json, Fallback fallback,
                          Optional<RateLimiting> rateLimiting, Clock clock) {
        this.rateLimiting = rateLimiting;
        this.clock = clock;
        this.routes = routes;
        this.authenticator = authenticator;
        this.binder = new RecordBinder(json);
        this.writer = new RecordWriter(json);
        this.fallback = fallback;
    }

    /** The most of a refused request's body read to keep its connection (see closeIfBodyUnread). */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;
    private static final String RAW_BODY = "aurora.raw-body";

    @Override public void handle(ServerRequest req, ServerResponse res) {
        try {
            dispatch(req, res);
        } catch (XrpcException e) {
            closeIfBodyUnread(req, res);
            sendError(res, e);
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.log(System.Logger.Level.ERROR, "request failed id=" + id + " path=" + req.path().path(), e);
            sendError(res, new XrpcException(500, "InternalServerError", "Internal Server Error (id " + id + ")"));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(ServerRequest req, ServerResponse res) {
        String name = nsidFromPath(req.path().path());
        Method method = req.prologue().method();
        if (method != Method.GET && method != Method.POST && method != Method.HEAD) {
            throw XrpcException.invalidRequest("XRPC requests only supports GET and POST");
        }
        Optional<RateLimiting> limiting = rateLimiting.filter(l -> !l.bypassed(clientIp(req),
                req.headers().first(BYPASS_HEADER)));
        Optional<RateLimitStatus> tightest = limiting.filter(l -> l.globallyLimited(name))
                .flatMap(l -> l.consume(RateLimiting.GLOBAL_PER_IP, clientIp(req)));
        tightest.ifPresent(status -> enforce(res, status));
        Optional<XrpcRoutes.Route> found = routes.find(name);
        if (found.isEmpty()) {
            Optional<Nsid> nsid = parseNsid(name);
            if (nsid.isEmpty() || !fallback.handle(nsid.get(), req, res)) {
                throw XrpcException.invalidRequest("No service configured for " + name);
            }
            return;
        }
        XrpcRoutes.Route route = found.get();
        Method expected = route.kind() == XrpcRoutes.Kind.QUERY ? Method.GET : Method.POST;
        boolean headOnQuery = method == Method.HEAD && expected == Method.GET;
        if (method != expected && !headOnQuery) {
            throw XrpcException.invalidRequest("Incorrect HTTP method (" + method.text() + ") expected " + expected.text());
        }
        Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        Caller caller = authenticator.authenticate(route.auth(), route.nsid(), authorization);
        Record input = route.kind() == XrpcRoutes.Kind.QUERY
                ? binder.bindQuery((Class) route.inputType(), queryParams(req), route.nsid().toString())
                : readInput(route, req);
        if (limiting.isPresent()) {
            for (RouteLimit limit : route.limits()) {
                Optional<RateLimitStatus> status = limiting.get().consume(limit.limit(),
                        limit.key().of(input, caller, clientIp(req)), limit.points().of(input));
                if (status.isEmpty()) continue;
                if (tightest.isEmpty() || status.get().remaining() < tightest.get().remaining()) tightest = status;
                enforce(res, tightest.get());
            }
        }
        Object output = route.kind() == XrpcRoutes.Kind.QUERY
                ? ((XrpcQuery) route.handler()).handle(input, caller)
                : ((XrpcProcedure) route.handler()).handle(input, caller);
        sendOutput(res, output);
    }

    /**
     * Sets the official {@code RateLimit-*} headers for the tightest limit so far (on every counted
     * response, not only refusals) and refuses the request with 429 when that limit is used up.
     */
    private void enforce(ServerResponse res, RateLimitStatus status) {
        long resetAt = clock.instant().plus(status.untilReset()).getEpochSecond();
        res.header("RateLimit-Limit", Integer.toString(status.limit().points()));
        res.header("RateLimit-Remaining", Long.toString(status.remaining()));
        res.header("RateLimit-Reset", Long.toString(resetAt));
        res.header("RateLimit-Policy", status.limit().policy());
        res.header("Access-Control-Expose-Headers", "RateLimit-Limit, RateLimit-Reset, RateLimit-Remaining, RateLimit-Policy, Retry-After");
        if (status.exceeded()) {
            res.header("Retry-After", Long.toString((status.untilReset().toMillis() + 999) / 1000));
            throw new XrpcException(429, "RateLimitExceeded", "Rate Limit Exceeded");
        }
    }

    private static String clientIp(ServerRequest req) {
        return ClientAddress.of(req.remotePeer().host(), req.headers().first(HeaderNames.X_FORWARDED_FOR));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Record readInput(XrpcRoutes.Route route, ServerRequest req) {
        Class<? extends Record> type = route.inputType();
        if (type == NoInput.class) return new NoInput();
        Optional<String> contentType = req.headers().first(HeaderNames.CONTENT_TYPE);
        Optional<Long> length = req.headers().first(HeaderNames.CONTENT_LENGTH).flatMap(XrpcDispatcher::parseLength);
        boolean raw = type == RawInput.class;
        if (contentType.isEmpty() || !raw && !req.content().hasEntity()) {
            throw XrpcException.invalidRequest("Request encoding (Content-Type) required but not provided");
        }
        if (raw) {
            // a binary body may be empty (an uploadBlob of 0 bytes is a blob) as long as its type is declared
            InputStream body = req.content().hasEntity() ? req.content().inputStream() : InputStream.nullInputStream();
            // kept so that a refusal can drop what the endpoint did not read (closeIfBodyUnread)
            req.context().register(RAW_BODY, body);
            return new RawInput(contentType.get(), length, body);
        }
        String mime = contentType.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json")) {
            throw XrpcException.invalidRequest("Wrong request encoding (Content-Type): " + contentType.get());
        }
        if (length.isPresent() && length.get() > route.bodyLimit()) throw XrpcException.payloadTooLarge();
        byte[] body = readBounded(req.content().inputStream(), route.bodyLimit());
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw XrpcException.invalidRequest("Invalid JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return binder.bindJson((Class) type, tree);
    }

    private static byte[] readBounded(InputStream in, int limit) {
        try (in) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) throw XrpcException.payloadTooLarge();
            return body;
        } catch (IOException e) {
            throw XrpcException.invalidRequest("Could not read the request body");
        }
    }

    private static Optional<Long> parseLength(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw XrpcException.invalidRequest("invalid content-length");
        }
    }

    private static Map<String, List<String>> queryParams(ServerRequest req) {
        return XrpcQueryString.parse(req.query().rawValue());
    }

    /**
     * The NSID part of {@code /xrpc/<nsid>}. Like the official server, a path with characters no
     * NSID has, or empty segments, is an "invalid xrpc path"; anything else is looked up.
     */
    static String nsidFromPath(String path) {
        String name = path.startsWith("/xrpc/") ? path.substring(6) : "";
        boolean plausible = !name.isEmpty() && !name.startsWith(".") && !name.endsWith(".") && !name.contains("..");
        for (int i = 0; plausible && i < name.length(); i++) {
            char c = name.charAt(i);
            plausible = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
        }
        if (!plausible) throw XrpcException.invalidRequest("invalid xrpc path");
        return name;
    }

    private static Optional<Nsid> parseNsid(String name) {
        try {
            return Optional.of(Nsid.parse(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void sendOutput(ServerResponse res, Object output) {
        switch (output) {
            case NoOutput n -> res.status(200).send();
            case Output o -> {
                res.status(200);
                res.header(HeaderNames.CONTENT_TYPE, o.contentType());
                o.headers().forEach(res::header);
                o.contentLength().ifPresent(res::contentLength);
                try (OutputStream out = res.outputStream()) {
                    o.body().writeTo(out);
                } catch (IOException e) {
                    // the client went away mid-stream; nothing can be sent to it any more
                    LOG.log(System.Logger.Level.DEBUG, "client closed the stream: {0}", e.getMessage());
                }
            }
            default -> {
                res.status(200);
                res.header(HeaderNames.CONTENT_TYPE, JSON_TYPE);
                res.send(writer.toJson(output));
            }
        }
    }

    /**
     * A refused request whose body was not read to its end (an upload over the limit, or without
     * credentials): Helidon would otherwise read the rest of it, however large, to keep the connection
     * alive. Closing the connection after the error stops reading at once.
     */
    /**
     * A refused request's body is read and dropped before the error goes out: a server that answers
     * and closes while the client is still sending makes the kernel reset the connection, and the
     * client then sees no answer at all (a 413 for a body just over the limit was lost this way).
     * Beyond {@link #DRAIN_LIMIT} the connection is closed instead.
     */
    private static void closeIfBodyUnread(ServerRequest req, ServerResponse res) {
        if (!req.content().hasEntity() || res.isSent()) return;
        Optional<InputStream> taken = req.context().get(RAW_BODY, InputStream.class);
        if (taken.isEmpty() && req.content().consumed()) return;
        try (InputStream rest = taken.isPresent() ? taken.get() : req.content().inputStream()) {
            long dropped = 0;
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = rest.read(buffer)) >= 0; ) {
                dropped += n;
                if (dropped > DRAIN_LIMIT) {
                    res.header(HeaderValues.CONNECTION_CLOSE);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream was taken by the endpoint already, or the client went away
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
    }

    /** Writes {@code {"error", "message"}} unless the response has already started. */
    public static void sendError(ServerResponse res, XrpcException e) {
        if (res.isSent()) return;
        res.status(e.status());
        res.header(HeaderNames.CONTENT_TYPE, JSON_TYPE);
        res.send(ErrorBody.json(e.error(), e.getMessage()));
    }
}
