package org.auroralocus.server.xrpc;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS as the official PDS answers it: every response allows any origin, and a preflight
 * {@code OPTIONS} gets 204 with the allowed methods and the requested headers echoed, so browser
 * clients (bsky.app and others) can call any PDS.
 */
public final class Cors implements Filter {
    private static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    @Override public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (req.prologue().method() == Method.OPTIONS) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS)
                    .ifPresent(h -> res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, h));
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
            res.status(204).send();
            return;
        }
        chain.proceed();
    }
}
