package org.auroralocus.server.plc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.auroralocus.atproto.identity.plc.InvalidPlcOperationException;
import org.auroralocus.atproto.identity.plc.PlcAuditEntry;
import org.auroralocus.atproto.identity.plc.PlcClientException;
import org.auroralocus.atproto.identity.plc.PlcNotFoundException;
import org.auroralocus.atproto.identity.plc.PlcRejectedException;
import org.auroralocus.atproto.identity.plc.SignedPlcOp;
import org.auroralocus.atproto.syntax.Did;

/**
 * The embedded directory over HTTP, with plc.directory's routes and answers; register it with
 * {@code routing.register("/plc", service)}. Errors are {@code {"message": ...}} with the status
 * plc.directory uses: 404 for an unknown (or, for the document and data, tombstoned) DID, 400 for an
 * operation it refuses.
 */
public final class PlcDirectoryService implements HttpService {
    private static final System.Logger LOG = System.getLogger(PlcDirectoryService.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String DID_DOCUMENT_TYPE = "application/did+ld+json";
    /** Far above the 4000-byte limit on an operation's DAG-CBOR, whatever its JSON spelling. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final EmbeddedPlcDirectory directory;

    public PlcDirectoryService(EmbeddedPlcDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{did}", (req, res) -> answer(req, res, this::submit))
                .get("/{did}", read(DID_DOCUMENT_TYPE, directory::document))
                .get("/{did}/data", read(JSON_TYPE, did -> directory.data(did).toJson()))
                .get("/{did}/log", read(JSON_TYPE, did -> array(directory.log(did).stream().map(SignedPlcOp::toJson).toList())))
                .get("/{did}/log/audit", read(JSON_TYPE, did -> array(directory.auditLog(did).stream().map(PlcAuditEntry::toJson).toList())))
                .get("/{did}/log/last", read(JSON_TYPE, did -> directory.lastOp(did).toJson()));
    }

    private Handler read(String contentType, Function<Did, JsonNode> reader) {
        return (req, res) -> answer(req, res, (did, r) -> new Body(contentType, reader.apply(did).toString()));
    }

    /** A response body with its content type. */
    private record Body(String contentType, String text) {}

    private Body submit(Did did, ServerRequest req) {
        SignedPlcOp op;
        try {
            op = SignedPlcOp.parse(readBody(req));
        } catch (InvalidPlcOperationException e) {
            throw new PlcRejectedException(EmbeddedPlcDirectory.BAD_REQUEST, "Not a valid operation: " + e.getMessage());
        }
        directory.submit(did, op);
        return new Body("text/plain; charset=utf-8", "OK");
    }

    private void answer(ServerRequest req, ServerResponse res, BiFunction<Did, ServerRequest, Body> handler) {
        String raw = req.path().pathParameters().get("did");
        try {
            Body body = handler.apply(parseDid(raw, req), req);
            res.status(200);
            res.header(HeaderNames.CONTENT_TYPE, body.contentType());
            res.send(body.text());
        } catch (PlcClientException e) {
            error(res, e.status().orElse(500), e.getMessage());
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            LOG.log(System.Logger.Level.ERROR, "PLC request failed id=" + id + " path=" + req.path().path(), e);
            error(res, 500, "Internal Server Error (" + id + ")");
        }
    }

    /** Only a did:plc can be registered here; anything else is unknown, or not a DID to create. */
    private static Did parseDid(String raw, ServerRequest req) {
        if (Did.isValid(raw) && Did.parse(raw).isPlc()) return Did.parse(raw);
        if (req.prologue().method().text().equals("POST")) {
            throw new PlcRejectedException(EmbeddedPlcDirectory.BAD_REQUEST, "Improperly formatted did: " + raw);
        }
        throw new PlcNotFoundException("DID not registered: " + raw);
    }

    private static String readBody(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new InvalidPlcOperationException("body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPlcOperationException("could not read the request body");
        }
    }

    private static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static void error(ServerResponse res, int status, String message) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON_TYPE);
        res.send(NODES.objectNode().put("message", message).toString());
    }
}
