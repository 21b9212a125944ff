package org.auroralocus.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.nio.charset.StandardCharsets;

/** {@code /}, {@code /robots.txt} and {@code /xrpc/_health}, as the official PDS answers them. */
public final class HomePages implements HttpService {
    private static final String HOME = """
            Aurora Locus

            This is an AT Protocol Personal Data Server (aka, an atproto PDS).

            Most API routes are under /xrpc/
            """;
    private static final String ROBOTS = """
            # Hello!

            # Crawling the public API is allowed
            User-agent: *
            Allow: /
            """;

    private final byte[] health;

    public HomePages(String version) {
        this.health = ("{\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            res.send(HOME);
        });
        rules.get("/robots.txt", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            res.send(ROBOTS);
        });
        rules.get("/xrpc/_health", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
            res.send(health);
        });
    }
}
