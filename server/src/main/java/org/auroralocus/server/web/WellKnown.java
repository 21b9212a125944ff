package org.auroralocus.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.auroralocus.atproto.syntax.Did;
import org.auroralocus.atproto.syntax.Handle;
import org.auroralocus.server.identity.IdentityService;

/**
 * {@code /.well-known/atproto-did} (a hosted handle's DID, chosen by the Host header, for HTTPS
 * handle resolution) and {@code /.well-known/did.json} (the service's own did:web document).
 */
public final class WellKnown implements HttpService {
    private final IdentityService identity;
    private final String serviceDid;
    private final String hostname;
    private final String publicUrl;

    public WellKnown(IdentityService identity, String serviceDid, String hostname, String publicUrl) {
        this.identity = identity;
        this.serviceDid = serviceDid;
        this.hostname = hostname;
        this.publicUrl = publicUrl;
    }

    @Override public void routing(HttpRules rules) {
        rules.get("/.well-known/atproto-did", this::atprotoDid);
        rules.get("/.well-known/did.json", this::didJson);
    }

    private void atprotoDid(ServerRequest req, ServerResponse res) {
        Optional<Did> did = hostHandle(req).flatMap(identity::localHandle);
        if (did.isEmpty()) {
            res.status(404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send("User not found");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send(did.get().toString());
    }

    private static Optional<Handle> hostHandle(ServerRequest req) {
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) host = host.substring(0, colon);
        String candidate = host.toLowerCase(Locale.ROOT);
        return Handle.isValid(candidate) ? Optional.of(Handle.parse(candidate)) : Optional.empty();
    }

    private void didJson(ServerRequest req, ServerResponse res) {
        if (!serviceDid.equals("did:web:" + hostname)) {
            res.status(404).header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8").send("Not Found");
            return;
        }
        String json = """
                {"@context":["https://www.w3.org/ns/did/v1"],"id":"%s","service":[{"id":"#atproto_pds",\
                "type":"AtprotoPersonalDataServer","serviceEndpoint":"%s"}]}""".formatted(serviceDid, publicUrl);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8").send(json.getBytes(StandardCharsets.UTF_8));
    }
}
